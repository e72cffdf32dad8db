package cn.sc.countyeconomy.api.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvExportTest {

    record Row(String code, String name, BigDecimal amount, LocalDate since) {
    }

    @Test
    void columnsFollowTheRecordAndTextStaysUtf8() throws Exception {
        String csv = write(Stream.of(new Row("510522", "合江县", new BigDecimal("1000000.10"), LocalDate.of(2020, 7, 3))));
        String[] lines = csv.split("\n");
        assertEquals("code,name,amount,since", lines[0]);
        assertEquals("510522,合江县,1000000.10,2020-07-03", lines[1]);
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() throws Exception {
        String csv = write(Stream.of(new Row("1", "a,\"b\"\nc", BigDecimal.ONE, null)));
        assertEquals("code,name,amount,since\n1,\"a,\"\"b\"\"\nc\",1,\n", csv);
    }

    private static String write(Stream<Row> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExport.write(Row.class, rows, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
