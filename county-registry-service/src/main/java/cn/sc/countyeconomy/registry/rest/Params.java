package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.request.QueryParams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** The register's own parameter rules; the general ones are in {@link QueryParams}. */
final class Params {

    private Params() {
    }

    /** The day a question is asked about: today (the clock's zone, China) unless given. */
    static LocalDate asOf(String value, Clock clock) {
        return QueryParams.date("asOf", value, LocalDate.now(clock));
    }

    /** A 6-digit division code in the path. */
    static String code(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw ApiException.invalidParameter("code", "must be 6 digits, was '" + code + "'");
        }
        return code;
    }

    /** A designation source, {@code <system>:<programme>} (see NewDesignation.source); null when absent. */
    static String source(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches(cn.sc.countyeconomy.registry.api.NewDesignation.SOURCE_FORMAT)) {
            throw ApiException.invalidParameter("source", "must be <system>:<programme>, e.g. reform-pilot:programme/101");
        }
        return value;
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
