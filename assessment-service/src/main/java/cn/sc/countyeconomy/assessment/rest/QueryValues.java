package cn.sc.countyeconomy.assessment.rest;

import cn.sc.countyeconomy.api.problem.ApiException;

import java.util.Arrays;

/** Query parameters read as text and checked here, so that a wrong type is a 400 naming the parameter (not JAX-RS' 404). */
final class QueryValues {
    private QueryValues() {
    }

    static Integer year(String name, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw ApiException.invalidParameter(name, "is required");
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 2000 || y > 2100) throw ApiException.invalidParameter(name, "must be between 2000 and 2100, was " + y);
            return y;
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a year such as 2024, was '" + value + "'");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }
}
