package cn.sc.countyeconomy.api.paging;

import cn.sc.countyeconomy.api.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortFieldsTest {

    private final SortFields fields = SortFields.of("code", "code", "name", "nameZh");

    @Test
    void mapsApiFieldsToPropertiesAndAddsTheDefaultAsTieBreaker() {
        List<SortFields.Order> orders = fields.parse(List.of("name,desc"));
        assertEquals(2, orders.size());
        assertEquals("nameZh", orders.get(0).property());
        assertFalse(orders.get(0).ascending());
        assertEquals("code", orders.get(1).property());
        assertTrue(orders.get(1).ascending());
    }

    @Test
    void unknownFieldIs400ListingTheSortableOnes() {
        ApiException e = assertThrows(ApiException.class, () -> fields.parse(List.of("population,asc")));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("code, name"), e.getMessage());
    }

    @Test
    void injectionAttemptIsJustAnUnknownField() {
        assertEquals(400, assertThrows(ApiException.class, () -> fields.parse(List.of("code; drop table division"))).status());
    }

    @Test
    void badDirectionIs400() {
        assertEquals(400, assertThrows(ApiException.class, () -> fields.parse(List.of("code,up"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> fields.parse(List.of("code,asc,desc"))).status());
    }

    @Test
    void comparatorSortsInMemoryWithNullsLast() {
        record Row(String code, String nameZh) {
        }
        List<Row> rows = new ArrayList<>(List.of(new Row("2", "乙"), new Row("1", null), new Row("3", "甲")));
        Comparator<Row> c = fields.comparator(List.of("name,asc"), (r, p) -> p.equals("code") ? r.code() : r.nameZh());
        rows.sort(c);
        assertEquals(List.of("2", "3", "1"), rows.stream().map(Row::code).toList());
    }

    @Test
    void jpqlOrdersByTheMappedPropertiesWithTheDefaultAsTieBreaker() {
        SortFields f = SortFields.of("id", "id", "occurredAt", "occurredAt");
        org.junit.jupiter.api.Assertions.assertEquals("occurredAt desc, id asc", f.jpql(java.util.List.of("occurredAt,desc")));
    }
}
