package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection.Assessment;
import cn.sc.countyeconomy.reformpilot.service.DeadlineProjection.Step;
import cn.sc.countyeconomy.reformpilot.service.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The projection rule against cases worked out by hand (see the README). */
class DeadlineProjectionTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 12, 31);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** done milestones and remaining ones, without dependencies, all planned on the given day. */
    private static List<Step> counts(int done, int remaining, String planned) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < done + remaining; i++) {
            steps.add(new Step(i + 1, d(planned), i < done ? d(planned) : null, List.of()));
        }
        return steps;
    }

    @Test
    void threeDoneInAThousandAndNinetyFiveDaysTwoLeftFinishesOnTheDeadline() {
        // start 2021-01-01, today 2024-01-01: 1095 days elapsed (2021, 2022, 2023 = 365 x 3)
        // 2 remaining x 1095 / 3 = 730 days -> 2024-01-01 + 730 = 2025-12-31 (2024 is a leap year: 366 + 364)
        var r = DeadlineProjection.project(d("2021-01-01"), counts(3, 2, "2023-06-30"), 0, d("2024-01-01"), DEADLINE);
        assertEquals(1095L, r.daysElapsed());
        assertEquals(730L, r.daysNeeded());
        assertEquals(d("2025-12-31"), r.paceFinish());
        assertEquals(d("2024-01-01"), r.plannedFinish(), "two milestones planned in the past finish today at the earliest");
        assertEquals(d("2025-12-31"), r.projectedFinish());
        assertEquals(Assessment.ON_TRACK, r.assessment(), "finishing on the deadline day is on track");
        assertFalse(r.risk());
    }

    @Test
    void threeDoneThreeLeftOverrunsByAYear() {
        // 3 x 1095 / 3 = 1095 days -> 2024-01-01 + 1095 = 2026-12-31, after 2025-12-31
        var r = DeadlineProjection.project(d("2021-01-01"), counts(3, 3, "2023-06-30"), 0, d("2024-01-01"), DEADLINE);
        assertEquals(1095L, r.daysNeeded());
        assertEquals(d("2026-12-31"), r.projectedFinish());
        assertEquals(Assessment.AT_RISK, r.assessment());
        assertTrue(r.risk());
    }

    @Test
    void partialDaysAreRoundedUp() {
        // start 2024-01-01, today 2024-01-11: 10 days; 3 done, 1 left: 1 x 10 / 3 = 3.33 -> 4 days -> 2024-01-15
        var r = DeadlineProjection.project(d("2024-01-01"), counts(3, 1, "2024-01-05"), 0, d("2024-01-11"), d("2024-01-14"));
        assertEquals(4L, r.daysNeeded());
        assertEquals(d("2024-01-15"), r.projectedFinish());
        assertEquals(Assessment.AT_RISK, r.assessment(), "one day late is late");
        var onTime = DeadlineProjection.project(d("2024-01-01"), counts(3, 1, "2024-01-05"), 0, d("2024-01-11"), d("2024-01-15"));
        assertEquals(Assessment.ON_TRACK, onTime.assessment());
    }

    /**
     * start 2024-01-01, today 2024-10-01 (274 days: 2024 is a leap year), deadline 2025-12-31. Milestones:
     * 1 planned 2024-03-31 done 2024-03-31; 2 planned 2024-06-30 done 2024-06-30; 7..10 planned and done 2024-05-31;
     * 3 (after 2) planned 2024-08-31, not done: 31 days late, so it finishes today, 2024-10-01, at the earliest;
     * 4 (after 3) planned 2025-08-31: the planned gap 3 -> 4 is 365 days, so 2024-10-01 + 365 = 2025-10-01;
     * 5 (after 4) planned 2025-12-31: gap 4 -> 5 is 122 days (Sep 30 + Oct 31 + Nov 30 + Dec 31), so 2025-10-01 + 122 = 2026-01-31;
     * 6 (after 1) planned 2025-11-30, on time: 2025-11-30.
     * Planned chain: 3 -> 4 -> 5, finishing 2026-01-31. Pace: 6 done, 4 left: ceil(4 x 274 / 6) = ceil(182.67) = 183 days
     * -> 2025-04-02. The later is the chain's: 2026-01-31, after the deadline: AT_RISK, though the pace alone is on track.
     */
    @Test
    void aLateMilestoneOnTheLongestChainPushesTheProjectionPastTheDeadline() {
        List<Step> steps = new ArrayList<>(List.of(
                new Step(1, d("2024-03-31"), d("2024-03-31"), List.of()),
                new Step(2, d("2024-06-30"), d("2024-06-30"), List.of()),
                new Step(3, d("2024-08-31"), null, List.of(2L)),
                new Step(4, d("2025-08-31"), null, List.of(3L)),
                new Step(5, d("2025-12-31"), null, List.of(4L)),
                new Step(6, d("2025-11-30"), null, List.of(1L))));
        for (long id = 7; id <= 10; id++) {
            steps.add(new Step(id, d("2024-05-31"), d("2024-05-31"), List.of()));
        }
        var r = DeadlineProjection.project(d("2024-01-01"), steps, 3, d("2024-10-01"), DEADLINE);
        assertEquals(274L, r.daysElapsed());
        assertEquals(183L, r.daysNeeded());
        assertEquals(d("2025-04-02"), r.paceFinish());
        assertEquals(d("2026-01-31"), r.plannedFinish());
        assertEquals(List.of(3L, 4L, 5L), r.criticalPath());
        assertEquals(d("2026-01-31"), r.projectedFinish());
        assertEquals(Assessment.AT_RISK, r.assessment());
        assertTrue(r.explanation().contains("planned chain: 3 (planned 2024-08-31, finishing 2024-10-01) -> 4 (planned 2025-08-31, "
                + "finishing 2025-10-01) -> 5 (planned 2025-12-31, finishing 2026-01-31)"), r.explanation());

        // had milestone 3 been done on its planned day, the chain would end on 2025-12-31: on track
        steps.set(2, new Step(3, d("2024-08-31"), d("2024-08-31"), List.of(2L)));
        var onTime = DeadlineProjection.project(d("2024-01-01"), steps, 3, d("2024-10-01"), DEADLINE);
        assertEquals(d("2025-12-31"), onTime.plannedFinish());
        assertEquals(List.of(3L, 4L, 5L), onTime.criticalPath());
        assertEquals(Assessment.ON_TRACK, onTime.assessment());
    }

    @Test
    void aPassedDeadlineIsOverdueWhateverTheMilestones() {
        var none = DeadlineProjection.project(d("2020-09-01"), List.of(), 0, d("2026-06-30"), DEADLINE);
        assertEquals(Assessment.OVERDUE, none.assessment());
        assertTrue(none.risk());
        assertTrue(none.explanation().startsWith("the deadline 2025-12-31 has passed (181 days ago)"), none.explanation());
        assertEquals(Assessment.OVERDUE, DeadlineProjection.project(d("2020-09-01"), counts(5, 0, "2024-06-30"), 0, d("2026-01-01"), DEADLINE)
                .assessment(), "all milestones done but not accepted after the deadline is still overdue");
        // on the deadline day a milestone still open cannot finish before tomorrow: at risk, but not yet overdue
        assertEquals(Assessment.AT_RISK, DeadlineProjection.project(d("2020-09-01"), counts(4, 1, "2025-06-30"), 0, d("2025-12-31"), DEADLINE)
                .assessment());
    }

    @Test
    void noMilestonesIsNoDataAndARiskOnceTheFirstQuarterIsOver() {
        var early = DeadlineProjection.project(d("2024-01-01"), List.of(), 0, d("2024-04-01"), DEADLINE);
        assertEquals(Assessment.NO_DATA, early.assessment());
        assertFalse(early.risk(), "2024-04-01 is the end of the first quarter, not after it");
        assertNull(early.projectedFinish());
        var late = DeadlineProjection.project(d("2024-01-01"), List.of(), 2, d("2024-04-02"), DEADLINE);
        assertEquals(Assessment.NO_DATA, late.assessment());
        assertTrue(late.risk());
        assertTrue(late.explanation().contains("(2 progress reports)"), late.explanation());
        assertFalse(DeadlineProjection.project(null, List.of(), 0, d("2024-04-02"), DEADLINE).risk(), "not started: not yet a risk");
    }

    @Test
    void noMilestoneDoneAQuarterIntoImplementationIsAtRiskNotAGuess() {
        var r = DeadlineProjection.project(d("2021-01-01"), counts(0, 5, "2025-06-30"), 0, d("2024-01-01"), DEADLINE);
        assertEquals(Assessment.AT_RISK, r.assessment());
        assertNull(r.paceFinish());
        assertEquals(d("2025-06-30"), r.plannedFinish());
        var fresh = DeadlineProjection.project(d("2023-12-01"), counts(0, 5, "2025-06-30"), 0, d("2024-01-01"), DEADLINE);
        assertEquals(Assessment.ON_TRACK, fresh.assessment(), "a month in, the plan is all there is to go on");
    }

    @Test
    void allDoneIsCompleteAndNoDeadlineIsSaid() {
        assertEquals(Assessment.COMPLETE, DeadlineProjection.project(d("2021-01-01"), counts(4, 0, "2023-06-30"), 0, d("2024-01-01"), DEADLINE)
                .assessment());
        var r = DeadlineProjection.project(d("2021-01-01"), counts(3, 2, "2023-06-30"), 0, d("2024-01-01"), null);
        assertEquals(Assessment.NO_DEADLINE, r.assessment());
        assertEquals(d("2025-12-31"), r.projectedFinish());
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
