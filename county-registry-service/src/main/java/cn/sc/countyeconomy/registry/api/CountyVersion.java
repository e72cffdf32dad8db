package cn.sc.countyeconomy.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CountyVersion", description = "One version of a division: its attributes over [validFrom, validTo).")
public record CountyVersion(LocalDate validFrom, LocalDate validTo, String name, String nameEn, String type, String prefectureCode,
        String prefectureName, String source, long version) {
}
