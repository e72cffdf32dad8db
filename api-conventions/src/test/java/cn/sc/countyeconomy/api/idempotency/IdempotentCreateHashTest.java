package cn.sc.countyeconomy.api.idempotency;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IdempotentCreateHashTest {

    @Test
    void theSameBodyInAnotherFieldOrderIsTheSameRequest() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "合江县");
        a.put("code", "510522");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", "510522");
        b.put("name", "合江县");
        assertEquals(IdempotentCreate.canonical(a), IdempotentCreate.canonical(b));
    }

    @Test
    void anotherBodyIsAnotherRequest() {
        assertNotEquals(IdempotentCreate.hash(IdempotentCreate.canonical(Map.of("amount", "1.00"))),
                IdempotentCreate.hash(IdempotentCreate.canonical(Map.of("amount", "1.0"))));
    }

    @Test
    void hashIsSha256Hex() {
        // sha256("abc"), the FIPS 180-2 test vector
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IdempotentCreate.hash("abc"));
    }
}
