package cn.sc.countyeconomy.api.testing;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV answer the way a client would, with a CSV parser (RFC 4180, header row), so that a
 * test asserts the values and not how the writer happened to quote them.
 */
public final class CsvRows {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvRows() {
    }

    /** The rows as column name to value, in order; an empty field is an empty string. */
    public static List<Map<String, String>> parse(String csv) {
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return new ArrayList<>(it.readAll());
        } catch (IOException e) {
            throw new UncheckedIOException("not valid CSV: " + csv, e);
        }
    }

    public static List<Map<String, String>> parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }
}
