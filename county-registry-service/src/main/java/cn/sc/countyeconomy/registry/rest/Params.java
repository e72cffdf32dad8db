package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.request.QueryParams;

import java.time.LocalDate;
import java.time.ZoneId;

/** The register's own parameter rules; the general ones are in {@link QueryParams}. */
final class Params {

    /** Dates of the register are days in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Params() {
    }

    /** The day a question is asked about: today in China unless given. */
    static LocalDate asOf(String value) {
        return QueryParams.date("asOf", value, LocalDate.now(CHINA));
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
