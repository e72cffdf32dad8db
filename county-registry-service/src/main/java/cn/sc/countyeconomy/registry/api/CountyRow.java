package cn.sc.countyeconomy.registry.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;

/** One row of the CSV export of counties. */
@JsonPropertyOrder({"code", "name", "nameEn", "type", "prefectureCode", "prefectureName", "regionCode", "regionName",
        "validFrom", "validTo", "validFromKnown", "asOfBasis", "status", "categoryYear", "categoryCode", "designations", "source", "version"})
public record CountyRow(String code, String name, String nameEn, String type, String prefectureCode, String prefectureName,
        String regionCode, String regionName, LocalDate validFrom, LocalDate validTo, boolean validFromKnown, String asOfBasis, String status,
        Integer categoryYear, String categoryCode, String designations, String source, long version) {

    public static CountyRow of(CountyView c) {
        return new CountyRow(c.code(), c.name(), c.nameEn(), c.type(), c.prefectureCode(), c.prefectureName(), c.regionCode(),
                c.regionName(), c.validFrom(), c.validTo(), c.validFromKnown(), c.asOfBasis(), c.status(), c.category() == null ? null : c.category().year(),
                c.category() == null ? null : c.category().code(),
                String.join(";", c.designations().stream().map(DesignationView::typeCode).toList()), c.source(), c.version());
    }
}
