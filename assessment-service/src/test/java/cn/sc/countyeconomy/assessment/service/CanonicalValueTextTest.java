package cn.sc.countyeconomy.assessment.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run reads its values as PostgreSQL's text of a NUMERIC(24, 6) (issue 13: no BigDecimal per value): the canonical
 * text of its input hash and the double it scores must stay what BigDecimal gave, or the hash of the same inputs
 * would change between versions.
 */
class CanonicalValueTextTest {

    static final List<String> NUMERICS = List.of("0.000000", "100.000000", "12.340000", "-7.500000", "0.000001", "-0.100000",
            "999999999999999999.999999", "123456789.123456", "1.000000", "10", "0", "-3", "2.5", "40.000100", "0.1");

    @Test
    void theTextOfAValueIsWhatBigDecimalStrippedOfTrailingZerosWrites() {
        for (String n : NUMERICS) {
            StringBuilder b = new StringBuilder();
            RunService.appendPlain(b, n);
            assertEquals(new BigDecimal(n).stripTrailingZeros().toPlainString(), b.toString(), n);
        }
    }

    @Test
    void theDoubleOfAValueIsBigDecimalsDouble() {
        for (String n : NUMERICS) {
            assertEquals(new BigDecimal(n).doubleValue(), Double.parseDouble(n), 0.0, n);
        }
    }
}
