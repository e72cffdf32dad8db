package cn.sc.countyeconomy.api.concurrency;

import cn.sc.countyeconomy.api.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreconditionsTest {

    @Test
    void missingIfMatchIs428() {
        ApiException e = assertThrows(ApiException.class, () -> Preconditions.requireMatch(null, 3));
        assertEquals(428, e.status());
        assertEquals(428, assertThrows(ApiException.class, () -> Preconditions.requireMatch("  ", 3)).status());
    }

    @Test
    void staleIfMatchIs412AndNamesTheCurrentETag() {
        ApiException e = assertThrows(ApiException.class, () -> Preconditions.requireMatch("\"2\"", 3));
        assertEquals(412, e.status());
        assertEquals("\"3\"", e.toProblem().extensions().get("currentETag"));
    }

    @Test
    void acceptsStrongWeakListedAndWildcardTags() {
        assertDoesNotThrow(() -> Preconditions.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> Preconditions.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> Preconditions.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> Preconditions.requireMatch("*", 3));
        assertDoesNotThrow(() -> Preconditions.requireMatch("3", 3));
    }

    @Test
    void etagIsTheQuotedVersion() {
        assertEquals("\"7\"", Preconditions.etag(7).toString());
    }
}
