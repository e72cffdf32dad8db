package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.ApiException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query and path parameters read as text and checked here, so that a bad value is a 400 naming it. */
final class Params {

    /** Dates of the register are days in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Params() {
    }

    static LocalDate date(String name, String value, LocalDate dflt) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    static LocalDate asOf(String value) {
        return date("asOf", value, LocalDate.now(CHINA));
    }

    static String code(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("[0-9]{6}")) {
            throw ApiException.invalidParameter(name, "must be a 6-digit division code, was '" + value + "'");
        }
        return value.trim();
    }

    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 1949 || y > 2200) {
                throw ApiException.invalidParameter("year", "must be between 1949 and 2200, was " + y);
            }
            return y;
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("year", "must be a year like 2018, was '" + value + "'");
        }
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase();
    }

    static long id(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number, was '" + value + "'");
        }
    }
}
