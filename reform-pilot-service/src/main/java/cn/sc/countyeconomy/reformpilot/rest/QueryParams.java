package cn.sc.countyeconomy.reformpilot.rest;

import cn.sc.countyeconomy.api.csv.CsvExport;
import cn.sc.countyeconomy.api.problem.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Reads filter parameters as text so that a wrong type is a 400 naming the parameter. */
final class QueryParams {

    private static final MediaType CSV = MediaType.valueOf(CsvExport.MEDIA_TYPE);

    private QueryParams() {
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number, was '" + value + "'");
        }
    }

    static String countyCode(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("[0-9]{6}")) {
            throw ApiException.invalidParameter(name, "must be a 6-digit county code, was '" + value + "'");
        }
        return value.trim();
    }

    static <E extends Enum<E>> Set<E> enums(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String s : value.split(",")) {
            try {
                out.add(Enum.valueOf(type, s.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter(name, "'" + s.trim() + "' is not one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }
        return out;
    }

    /** True when the client asked for CSV (Accept: text/csv) rather than JSON. */
    static boolean wantsCsv(HttpHeaders headers) {
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
}
