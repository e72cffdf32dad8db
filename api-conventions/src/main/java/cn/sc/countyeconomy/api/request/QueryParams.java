package cn.sc.countyeconomy.api.request;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.problem.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Typed query and path parameters read from text. JAX-RS answers a failed conversion of a query
 * or path parameter with 404; reading the text here makes it the 400 the API contract promises,
 * naming the parameter and the value. Each method answers null for an absent optional value.
 */
public final class QueryParams {

    private static final MediaType CSV = MediaType.valueOf(CsvExport.MEDIA_TYPE);

    private QueryParams() {
    }

    /** A 6-digit division code (GB/T 2260 style). */
    public static String countyCode(String name, String value) {
        if (absent(value)) {
            return null;
        }
        if (!value.trim().matches("[0-9]{6}")) {
            throw ApiException.invalidParameter(name, "must be a 6-digit division code, was '" + value + "'");
        }
        return value.trim();
    }

    public static Long id(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number, was '" + value + "'");
        }
    }

    public static long requiredId(String name, String value) {
        Long id = id(name, value);
        if (id == null) {
            throw ApiException.invalidParameter(name, "is required");
        }
        return id;
    }

    public static Boolean booleanValue(String name, String value) {
        if (absent(value)) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter(name, "must be true or false, was '" + value + "'");
        };
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    /** A comma-separated list of enum constants, e.g. {@code status=AT_RISK,OFF_TRACK}. */
    public static <E extends Enum<E>> Set<E> enums(Class<E> type, String name, String value) {
        if (absent(value)) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String s : value.split(",")) {
            out.add(enumValue(type, name, s));
        }
        return out;
    }

    /** A calendar year between 1949 and 2100. */
    public static Integer year(String name, String value, boolean required) {
        return year(name, value, required, 1949, 2100);
    }

    /** A calendar year within the bounds a service holds data for. */
    public static Integer year(String name, String value, boolean required, int min, int max) {
        if (absent(value)) {
            if (required) {
                throw ApiException.invalidParameter(name, "is required");
            }
            return null;
        }
        int y;
        try {
            y = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a year such as 2024, was '" + value + "'");
        }
        if (y < min || y > max) {
            throw ApiException.invalidParameter(name, "must be between " + min + " and " + max + ", was " + y);
        }
        return y;
    }

    /** An ISO date (YYYY-MM-DD), or {@code dflt} when absent. */
    public static LocalDate date(String name, String value, LocalDate dflt) {
        if (absent(value)) {
            return dflt;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date as YYYY-MM-DD, was '" + value + "'");
        }
    }

    /** An ISO-8601 timestamp in UTC (e.g. 2026-01-01T00:00:00Z), or null when absent. */
    public static Instant instant(String name, String value) {
        if (absent(value)) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be an ISO-8601 UTC timestamp such as 2026-01-01T00:00:00Z");
        }
    }

    /** True when the client asked for CSV (Accept: text/csv) before JSON or a wildcard. */
    public static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return false;
            }
            if (m.isCompatible(CSV) && !m.isWildcardSubtype()) {
                return true;
            }
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static boolean absent(String value) {
        return value == null || value.isBlank();
    }
}
