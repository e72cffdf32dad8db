package cn.sc.countyeconomy.registry.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;

/**
 * One row of the CSV export of counties. Integrators read the columns by position: a new column goes at the end, never
 * between existing ones.
 */
@JsonPropertyOrder({"code", "name", "nameEn", "type", "prefectureCode", "prefectureName", "regionCode", "regionName",
        "validFrom", "validTo", "status", "categoryYear", "categoryCode", "designations", "source", "version", "validFromKnown", "asOfBasis"})
public record CountyRow(String code, String name, String nameEn, String type, String prefectureCode, String prefectureName,
        String regionCode, String regionName, LocalDate validFrom, LocalDate validTo, String status,
        Integer categoryYear, String categoryCode, String designations, String source, long version, boolean validFromKnown, String asOfBasis) {

    /** The header row, as documented in OpenAPI (ReferenceDataTest checks it against the export). */
    public static final String HEADER = "code,name,nameEn,type,prefectureCode,prefectureName,regionCode,regionName,validFrom,validTo,status,"
            + "categoryYear,categoryCode,designations,source,version,validFromKnown,asOfBasis";

    public static CountyRow of(CountyView c) {
        return new CountyRow(c.code(), c.name(), c.nameEn(), c.type(), c.prefectureCode(), c.prefectureName(), c.regionCode(),
                c.regionName(), c.validFrom(), c.validTo(), c.status(), c.category() == null ? null : c.category().year(),
                c.category() == null ? null : c.category().code(),
                String.join(";", c.designations().stream().map(DesignationView::typeCode).toList()), c.source(), c.version(), c.validFromKnown(),
                c.asOfBasis());
    }
}
