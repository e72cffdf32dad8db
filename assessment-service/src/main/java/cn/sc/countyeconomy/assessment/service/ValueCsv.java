package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assessment.api.NewValue;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads submitted values from UTF-8 CSV with a header row: countyCode,indicatorCode,value[,unit][,source]. */
final class ValueCsv {

    private static final CsvMapper CSV = new CsvMapper();

    private ValueCsv() {
    }

    static List<NewValue> read(InputStream body, int maxValues) {
        List<NewValue> values = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
                .readValues(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                if (!row.containsKey("countyCode") || !row.containsKey("indicatorCode") || !row.containsKey("value")) {
                    throw ApiException.validation("header", "the CSV header must name countyCode, indicatorCode and value");
                }
                values.add(new NewValue(trim(row.get("countyCode")), trim(row.get("indicatorCode")), row.get("value"),
                        trim(row.get("unit")), trim(row.get("source"))));
                if (values.size() > maxValues) {
                    throw ApiException.validation("values", "at most " + maxValues + " rows per request");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException a)
                throw a;
            throw ApiException.badRequest("The CSV cannot be read at row " + (values.size() + 1) + ": it must be UTF-8 with a header row");
        }
        return values;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
