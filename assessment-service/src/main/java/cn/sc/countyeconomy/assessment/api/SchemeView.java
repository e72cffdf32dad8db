package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Scheme")
public record SchemeView(long id, int year, int schemeVersion, String status, SchemeDefinition definition,
        Instant createdAt, Instant publishedAt, long version) {
}
