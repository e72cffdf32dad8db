package cn.sc.countyeconomy.reformpilot.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Projects when a pilot's remaining milestones will be finished, from the pilot's own pace.
 * <ul>
 * <li>elapsed = days from the implementation start to today (exclusive of today);</li>
 * <li>pace = milestones done / elapsed;</li>
 * <li>days needed = ceil(remaining / pace) = ceil(remaining * elapsed / done);</li>
 * <li>projected finish = today + days needed;</li>
 * <li>AT_RISK when the projected finish is after the deadline, ON_SCHEDULE otherwise (finishing on
 *     the deadline day is on schedule).</li>
 * </ul>
 * No guess is made without evidence: no milestones, none done yet, or no implementation start
 * (or a start today or later) give INSUFFICIENT_DATA. All milestones done gives COMPLETE; a
 * programme without a deadline gives NO_DEADLINE (with the projected finish still shown).
 * Integer arithmetic throughout: the same inputs always give the same date.
 */
public final class DeadlineProjection {

    public enum Assessment {
        ON_SCHEDULE, AT_RISK, INSUFFICIENT_DATA, COMPLETE, NO_DEADLINE
    }

    public record Result(Assessment assessment, Long daysElapsed, Long daysNeeded, LocalDate projectedFinish,
            String explanation) {
    }

    private DeadlineProjection() {
    }

    public static Result project(LocalDate implementationStart, int done, int remaining, LocalDate today, LocalDate deadline) {
        if (done + remaining == 0) {
            return new Result(Assessment.INSUFFICIENT_DATA, null, null, null, "no milestones are planned yet");
        }
        if (remaining == 0) {
            return new Result(Assessment.COMPLETE, null, 0L, null, "all " + done + " milestones are done");
        }
        if (implementationStart == null || !implementationStart.isBefore(today)) {
            return new Result(Assessment.INSUFFICIENT_DATA, null, null, null, "implementation has not started before today");
        }
        long elapsed = ChronoUnit.DAYS.between(implementationStart, today);
        if (done == 0) {
            return new Result(Assessment.INSUFFICIENT_DATA, elapsed, null, null,
                    "no milestone is done yet, so there is no pace to project from");
        }
        long needed = -Math.floorDiv(-(long) remaining * elapsed, (long) done); // ceiling division (Java 17 has no Math.ceilDiv)
        LocalDate finish = today.plusDays(needed);
        String how = done + " done in " + elapsed + " days; " + remaining + " remaining need ceil(" + remaining
                + " x " + elapsed + " / " + done + ") = " + needed + " days, finishing " + finish;
        if (deadline == null) {
            return new Result(Assessment.NO_DEADLINE, elapsed, needed, finish, how + "; the programme has no deadline");
        }
        if (finish.isAfter(deadline)) {
            return new Result(Assessment.AT_RISK, elapsed, needed, finish, how + ", after the deadline " + deadline);
        }
        return new Result(Assessment.ON_SCHEDULE, elapsed, needed, finish, how + ", by the deadline " + deadline);
    }
}
