package cn.sc.countyeconomy.api.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Streams a collection as CSV (RFC 4180, UTF-8, header row), row by row, in a read transaction of
 * its own so that rows can come straight from a database cursor. Columns are the row type's
 * properties, in declaration order for records.
 *
 * <p>Quoting, the same in every export of every service: a field is quoted when, and only when,
 * its content needs it (a comma, a double quote or a line break), with the
 * quotes inside doubled. Jackson's default would also quote every text longer than 24 characters,
 * so the same column would be quoted or not depending on the length of the data.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvExport() {
    }

    public static <T> Response ok(Class<T> rowType, Supplier<Stream<T>> rows, String filename) {
        return Response.ok(writer(rowType, rows), MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    /** The body alone: rows written as they come, in a transaction joined or begun for the purpose. */
    public static <T> StreamingOutput writer(Class<T> rowType, Supplier<Stream<T>> rows) {
        return os -> QuarkusTransaction.joiningExisting().run(() -> {
            try (Stream<T> s = rows.get()) {
                write(rowType, s, os);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the header and the rows to the stream (UTF-8), without closing it. */
    public static <T> void write(Class<T> rowType, Stream<T> rows, java.io.OutputStream os) throws java.io.IOException {
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        try (SequenceWriter seq = MAPPER.writer(columns(rowType)).writeValues(w)) {
            Iterator<T> it = rows.iterator();
            while (it.hasNext()) {
                seq.write(it.next());
            }
        }
    }

    /**
     * Jackson orders a record's columns alphabetically; a reader expects the record's own order
     * (an explicit {@code @JsonPropertyOrder} on the row type still wins).
     */
    static CsvSchema columns(Class<?> rowType) {
        CsvSchema schema = MAPPER.schemaFor(rowType);
        if (rowType.isRecord() && !rowType.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonPropertyOrder.class)) {
            java.util.List<String> order = java.util.Arrays.stream(rowType.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            CsvSchema.Builder b = CsvSchema.builder();
            java.util.Map<String, CsvSchema.Column> byName = new java.util.HashMap<>();
            schema.forEach(c -> byName.put(c.getName(), c));
            for (String name : order) {
                CsvSchema.Column c = byName.remove(name);
                if (c != null) {
                    b.addColumn(name, c.getType());
                }
            }
            byName.values().forEach(c -> b.addColumn(c.getName(), c.getType()));
            schema = b.build();
        }
        return schema.withHeader();
    }
}
