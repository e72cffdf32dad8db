package cn.sc.countyeconomy.api.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
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
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CsvExport() {
    }

    public static <T> Response ok(Class<T> rowType, Supplier<Stream<T>> rows, String filename) {
        CsvSchema schema = MAPPER.schemaFor(rowType).withHeader();
        StreamingOutput out = os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            try (SequenceWriter seq = MAPPER.writer(schema).writeValues(w)) {
                QuarkusTransaction.joiningExisting().run(() -> {
                    try (Stream<T> s = rows.get()) {
                        Iterator<T> it = s.iterator();
                        while (it.hasNext()) {
                            seq.write(it.next());
                        }
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(out, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
