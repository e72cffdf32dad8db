package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection.Assessment;
import cn.sc.countyeconomy.reformpilot.service.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The projection rule against cases worked out by hand (see the README). */
class DeadlineProjectionTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 12, 31);

    @Test
    void threeDoneInAThousandAndNinetyFiveDaysTwoLeftFinishesOnTheDeadline() {
        // start 2021-01-01, today 2024-01-01: 1095 days elapsed (2021, 2022, 2023 = 365 x 3)
        // 2 remaining x 1095 / 3 = 730 days -> 2024-01-01 + 730 = 2025-12-31 (2024 is a leap year: 366 + 364)
        var r = DeadlineProjection.project(LocalDate.of(2021, 1, 1), 3, 2, LocalDate.of(2024, 1, 1), DEADLINE);
        assertEquals(1095L, r.daysElapsed());
        assertEquals(730L, r.daysNeeded());
        assertEquals(LocalDate.of(2025, 12, 31), r.projectedFinish());
        assertEquals(Assessment.ON_SCHEDULE, r.assessment(), "finishing on the deadline day is on schedule");
    }

    @Test
    void threeDoneThreeLeftOverrunsByAYear() {
        // 3 x 1095 / 3 = 1095 days -> 2024-01-01 + 1095 = 2026-12-31, after 2025-12-31
        var r = DeadlineProjection.project(LocalDate.of(2021, 1, 1), 3, 3, LocalDate.of(2024, 1, 1), DEADLINE);
        assertEquals(1095L, r.daysNeeded());
        assertEquals(LocalDate.of(2026, 12, 31), r.projectedFinish());
        assertEquals(Assessment.AT_RISK, r.assessment());
    }

    @Test
    void partialDaysAreRoundedUp() {
        // start 2024-01-01, today 2024-01-11: 10 days; 3 done, 1 left: 1 x 10 / 3 = 3.33 -> 4 days -> 2024-01-15
        var r = DeadlineProjection.project(LocalDate.of(2024, 1, 1), 3, 1, LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 14));
        assertEquals(4L, r.daysNeeded());
        assertEquals(LocalDate.of(2024, 1, 15), r.projectedFinish());
        assertEquals(Assessment.AT_RISK, r.assessment(), "one day late is late");
        var onTime = DeadlineProjection.project(LocalDate.of(2024, 1, 1), 3, 1, LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 15));
        assertEquals(Assessment.ON_SCHEDULE, onTime.assessment());
    }

    @Test
    void noMilestoneDoneIsInsufficientDataNotAGuess() {
        var r = DeadlineProjection.project(LocalDate.of(2021, 1, 1), 0, 5, LocalDate.of(2024, 1, 1), DEADLINE);
        assertEquals(Assessment.INSUFFICIENT_DATA, r.assessment());
        assertNull(r.projectedFinish());
    }

    @Test
    void noMilestonesOrNoStartIsInsufficientData() {
        assertEquals(Assessment.INSUFFICIENT_DATA, DeadlineProjection.project(LocalDate.of(2021, 1, 1), 0, 0, LocalDate.of(2024, 1, 1), DEADLINE).assessment());
        assertEquals(Assessment.INSUFFICIENT_DATA, DeadlineProjection.project(null, 2, 2, LocalDate.of(2024, 1, 1), DEADLINE).assessment());
        assertEquals(Assessment.INSUFFICIENT_DATA, DeadlineProjection.project(LocalDate.of(2024, 1, 1), 2, 2, LocalDate.of(2024, 1, 1), DEADLINE).assessment());
    }

    @Test
    void allDoneIsCompleteAndNoDeadlineIsSaid() {
        assertEquals(Assessment.COMPLETE, DeadlineProjection.project(LocalDate.of(2021, 1, 1), 4, 0, LocalDate.of(2024, 1, 1), DEADLINE).assessment());
        var r = DeadlineProjection.project(LocalDate.of(2021, 1, 1), 3, 2, LocalDate.of(2024, 1, 1), null);
        assertEquals(Assessment.NO_DEADLINE, r.assessment());
        assertEquals(LocalDate.of(2025, 12, 31), r.projectedFinish());
    }

    @Test
    void quartersAndTheirDueDates() {
        ReportingPeriod q3 = ReportingPeriod.parse("2024-Q3");
        assertEquals(LocalDate.of(2024, 7, 1), q3.start());
        assertEquals(LocalDate.of(2024, 9, 30), q3.end());
        assertEquals(LocalDate.of(2024, 10, 15), q3.dueDate(15));
        assertEquals(LocalDate.of(2025, 1, 15), ReportingPeriod.parse("2024-Q4").dueDate(15));
        assertEquals("2024-Q3", ReportingPeriod.lastEndedBefore(LocalDate.of(2024, 10, 20)).toString());
        assertEquals("2023-Q4", ReportingPeriod.lastEndedBefore(LocalDate.of(2024, 1, 1)).toString());
        assertEquals("2025-Q1", ReportingPeriod.parse("2024-Q4").next().toString());
    }
}
