package cn.sc.countyeconomy.api.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterTest {

    @Test
    void absentValuesAddNoCondition() {
        Filter f = Filter.where().eq("countyCode", null).in("status", null).range("year", null, null)
                .validOn("validFrom", "validTo", null).contains(null, "name").contains("  ", "name").isNull("validTo", null);
        assertTrue(f.isEmpty());
        assertEquals("1 = 1", f.query());
        assertEquals(Map.of(), f.params());
    }

    @Test
    void valuesTravelAsBoundParametersInOrder() {
        Filter f = Filter.where().eq("countyCode", "510522").in("status", Set.of("APPROVED")).range("year", 2020, 2024);
        assertEquals("countyCode = :f1 and status in :f2 and year >= :f3 and year <= :f4", f.query());
        assertEquals(List.of("510522", Set.of("APPROVED"), 2020, 2024), List.copyOf(f.params().values()));
    }

    @Test
    void validOnIsTheHalfOpenPeriodWithAnOpenEnd() {
        LocalDate d = LocalDate.of(2024, 6, 30);
        Filter f = Filter.where().validOn("validFrom", "validTo", d);
        assertEquals("validFrom <= :f1 and (validTo is null or validTo > :f1)", f.query());
        assertEquals(d, f.params().get("f1"));
    }

    @Test
    void overlapsNeedsAStartAndTakesAnOpenEnd() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2025, 1, 1);
        assertEquals("(validTo is null or validTo > :f1) and validFrom < :f2",
                Filter.where().overlaps("validFrom", "validTo", from, to).query());
        assertEquals("(validTo is null or validTo > :f1)", Filter.where().overlaps("validFrom", "validTo", from, null).query());
        assertTrue(Filter.where().overlaps("validFrom", "validTo", null, to).isEmpty());
    }

    @Test
    void containsIsCaseInsensitiveOverSeveralPropertiesAndEscapesWildcards() {
        Filter f = Filter.where().contains(" 50%_A ", "name", "nameEn");
        assertEquals("(lower(name) like :f1 escape '\\' or lower(nameEn) like :f1 escape '\\')", f.query());
        assertEquals("%50\\%\\_a%", f.params().get("f1"));
    }

    @Test
    void anEmptyInMatchesNothing() {
        assertEquals("1 = 0", Filter.where().in("status", List.of()).query());
    }

    @Test
    void nullChecksFollowTheFlag() {
        assertEquals("validTo is null", Filter.where().isNull("validTo", true).query());
        assertEquals("validTo is not null", Filter.where().isNull("validTo", false).query());
    }

    @Test
    void anyOfJoinsItsAlternativesWithOrAndBindsIntoTheSameParameters() {
        LocalDate today = LocalDate.of(2026, 6, 30);
        Filter f = Filter.where().eq("countyCode", "510522")
                .anyOf(a -> a.eq("status", "DONE"), a -> a.atLeast("deadline", today).isNull("doneOn", true));
        assertEquals("countyCode = :f1 and (status = :f2 or (deadline >= :f3 and doneOn is null))", f.query());
        assertEquals(List.of("510522", "DONE", today), List.copyOf(f.params().values()));
    }

    @Test
    void anyOfWithAnAlternativeThatAlwaysHoldsAddsNothing() {
        Filter f = Filter.where().anyOf(a -> a.eq("status", "DONE"), a -> a.eq("deadline", null));
        assertTrue(f.isEmpty());
        assertEquals("1 = 1", f.query());
    }
}
