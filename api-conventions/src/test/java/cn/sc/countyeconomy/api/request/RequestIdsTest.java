package cn.sc.countyeconomy.api.request;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void keepsAPlainClientId() {
        assertEquals("abc-123_x.y:z", RequestIds.acceptOrCreate("abc-123_x.y:z"));
    }

    @Test
    void replacesIdsThatWouldPolluteLogs() {
        String made = RequestIds.acceptOrCreate("evil\nINFO forged line");
        assertNotEquals("evil\nINFO forged line", made);
        assertTrue(made.matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.acceptOrCreate("x".repeat(129)).matches("[0-9a-f-]{36}"));
        assertTrue(RequestIds.acceptOrCreate(null).matches("[0-9a-f-]{36}"));
    }
}
