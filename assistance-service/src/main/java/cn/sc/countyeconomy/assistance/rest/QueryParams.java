package cn.sc.countyeconomy.assistance.rest;

import cn.sc.countyeconomy.api.problem.ApiException;

import java.util.Arrays;

/**
 * Typed query parameters read from text, so that a wrong value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion of a query parameter with a 404).
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    static Long longValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter(name, "must be a whole number, was '" + value + "'");
        }
    }

    static Boolean booleanValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter(name, "must be true or false, was '" + value + "'");
        };
    }

    static String countyCode(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("[0-9]{6}")) {
            throw ApiException.invalidParameter(name, "must be a 6-digit county code, was '" + value + "'");
        }
        return value;
    }

    static int year(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.invalidParameter("year", "is required");
            }
            return 0;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 2000 || y > 2100) {
                throw ApiException.invalidParameter("year", "must be between 2000 and 2100, was " + y);
            }
            return y;
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("year", "must be a year such as 2024, was '" + value + "'");
        }
    }
}
