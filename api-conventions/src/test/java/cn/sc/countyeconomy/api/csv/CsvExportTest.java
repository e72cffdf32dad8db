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

    @Test
    void quotingDependsOnTheContentNeverOnTheLength() throws Exception {
        String longPlain = "四川省交通运输厅（测试" + "1".repeat(40) + "）";
        String shortQuoted = "a,b";
        String csv = write(Stream.of(new Row("1", longPlain, BigDecimal.ONE, null), new Row("2", shortQuoted, BigDecimal.TEN, null)));
        assertEquals("code,name,amount,since\n1," + longPlain + ",1,\n2,\"a,b\",10,\n", csv);
    }

    @Test
    void theSameExportReadsBackWithACsvParserWhateverTheLengths() throws Exception {
        for (int digits = 1; digits <= 40; digits++) {
            String name = "浙江省宁波市" + "7".repeat(digits);
            String csv = write(Stream.of(new Row("510522", name, new BigDecimal("0.10"), LocalDate.of(2025, 1, 1))));
            java.util.List<java.util.Map<String, String>> rows = cn.sc.countyeconomy.api.testing.CsvRows.parse(csv);
            assertEquals(1, rows.size());
            assertEquals(name, rows.get(0).get("name"));
            assertEquals("0.10", rows.get(0).get("amount"));
            assertEquals(-1, csv.indexOf('"'), "nothing in this row needs quoting: " + csv);
        }
    }

    private static String write(Stream<Row> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExport.write(Row.class, rows, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
