package cn.sc.countyeconomy.reformpilot.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a pilot will be finished, and whether that is in time. Two estimates, the later one wins:
 * <ul>
 * <li><b>pace</b>: elapsed = days from the implementation start to today; pace = milestones done / elapsed;
 * days needed = ceil(remaining x elapsed / done); finish = today + days needed (only with a milestone done and
 * a start before today);</li>
 * <li><b>planned chain</b> (critical path over the planned dates): a done milestone finishes on its actual date;
 * one not done finishes on the latest of its planned date, today (it cannot finish in the past), and, for each
 * milestone it depends on, that one's finish plus the planned gap between the two (so a predecessor's slip moves
 * its dependents by as much). The chain finish is the latest finish of a milestone not done; the critical path is
 * the chain of predecessors that set it.</li>
 * </ul>
 * Assessment, first match: OVERDUE (the deadline has passed and the pilot is not accepted); NO_DATA (no
 * milestones: nothing to project from; a risk once the pilot's first quarter of implementation is over); COMPLETE
 * (all milestones done); AT_RISK when no milestone is done more than a quarter after implementation began (no
 * progress is no pace); NO_DEADLINE; AT_RISK (projected finish after the deadline); ON_TRACK (finishing on the
 * deadline day is on track). Integer day arithmetic: the same inputs always give the same dates.
 */
public final class DeadlineProjection {

    public enum Assessment {
        OVERDUE, NO_DATA, AT_RISK, ON_TRACK, NO_DEADLINE, COMPLETE
    }

    /** A milestone as the projection sees it: actual date only when done; the ids it depends on. */
    public record Step(long id, LocalDate planned, LocalDate actual, List<Long> dependsOn) {

        boolean done() {
            return actual != null;
        }
    }

    public record Result(Assessment assessment, boolean risk, int done, int remaining, Long daysElapsed, Long daysNeeded,
            LocalDate paceFinish, LocalDate plannedFinish, List<Long> criticalPath, LocalDate projectedFinish, String explanation) {
    }

    private DeadlineProjection() {
    }

    public static Result project(LocalDate implementationStart, List<Step> steps, int reports, LocalDate today, LocalDate deadline) {
        int done = (int) steps.stream().filter(Step::done).count();
        int remaining = steps.size() - done;
        Pace pace = Pace.of(implementationStart, done, remaining, today);
        Chain chain = Chain.of(steps, today);
        LocalDate finish = later(pace.finish(), chain.finish());
        List<String> why = new ArrayList<>();
        why.add(pace.explanation());
        why.add(chain.explanation());
        if (deadline != null && today.isAfter(deadline)) {
            why.add(0, "the deadline " + deadline + " has passed (" + ChronoUnit.DAYS.between(deadline, today) + " days ago) and the pilot is not accepted");
            return result(Assessment.OVERDUE, true, done, remaining, pace, chain, finish, why);
        }
        if (steps.isEmpty()) {
            boolean pastFirstQuarter = implementationStart != null && today.isAfter(implementationStart.plusMonths(3));
            why.add(0, "no milestones are planned (" + reports + " progress reports), so there is nothing to project from"
                    + (pastFirstQuarter ? "; implementation began " + implementationStart + ", more than a quarter ago, which is a risk in itself" : ""));
            return result(Assessment.NO_DATA, pastFirstQuarter, done, remaining, pace, chain, null, why);
        }
        if (remaining == 0) {
            return result(Assessment.COMPLETE, false, done, remaining, pace, chain, null, List.of("all " + done + " milestones are done"));
        }
        why.add("projected finish " + finish + " (the later of the two)");
        if (done == 0 && implementationStart != null && today.isAfter(implementationStart.plusMonths(3))) {
            why.add("no milestone is done more than a quarter after implementation began (" + implementationStart + "): no progress at all");
            return result(Assessment.AT_RISK, true, done, remaining, pace, chain, finish, why);
        }
        if (deadline == null) {
            why.add("the programme has no deadline");
            return result(Assessment.NO_DEADLINE, false, done, remaining, pace, chain, finish, why);
        }
        if (finish.isAfter(deadline)) {
            why.add("after the deadline " + deadline);
            return result(Assessment.AT_RISK, true, done, remaining, pace, chain, finish, why);
        }
        why.add("by the deadline " + deadline);
        return result(Assessment.ON_TRACK, false, done, remaining, pace, chain, finish, why);
    }

    private static Result result(Assessment a, boolean risk, int done, int remaining, Pace pace, Chain chain, LocalDate finish,
            List<String> why) {
        return new Result(a, risk, done, remaining, pace.elapsed(), pace.needed(), pace.finish(), chain.finish(), chain.path(), finish,
                why.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("; ")));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    record Pace(Long elapsed, Long needed, LocalDate finish, String explanation) {

        static Pace of(LocalDate start, int done, int remaining, LocalDate today) {
            if (remaining == 0) {
                return new Pace(null, null, null, "");
            }
            if (start == null || !start.isBefore(today)) {
                return new Pace(null, null, null, "pace: implementation has not started before today");
            }
            long elapsed = ChronoUnit.DAYS.between(start, today);
            if (done == 0) {
                return new Pace(elapsed, null, null, "pace: no milestone is done in " + elapsed + " days, so there is no pace to project from");
            }
            long needed = -Math.floorDiv(-(long) remaining * elapsed, (long) done); // ceiling division (Java 17 has no Math.ceilDiv)
            LocalDate finish = today.plusDays(needed);
            return new Pace(elapsed, needed, finish, "pace: " + done + " done in " + elapsed + " days; " + remaining + " remaining need ceil("
                    + remaining + " x " + elapsed + " / " + done + ") = " + needed + " days, finishing " + finish);
        }
    }

    record Chain(LocalDate finish, List<Long> path, String explanation) {

        static Chain of(List<Step> steps, LocalDate today) {
            Map<Long, Step> byId = new HashMap<>();
            steps.forEach(s -> byId.put(s.id(), s));
            Map<Long, LocalDate> finish = new HashMap<>();
            Map<Long, Long> setBy = new HashMap<>();
            for (Step s : steps) {
                finish(s, byId, today, finish, setBy, new HashSet<>());
            }
            Step last = null;
            for (Step s : steps) {
                if (s.done()) {
                    continue;
                }
                if (last == null || finish.get(s.id()).isAfter(finish.get(last.id()))
                        || (finish.get(s.id()).equals(finish.get(last.id())) && s.id() < last.id())) {
                    last = s;
                }
            }
            if (last == null) {
                return new Chain(null, List.of(), "");
            }
            List<Long> path = new ArrayList<>();
            for (Long at = last.id(); at != null; at = setBy.get(at)) {
                path.add(at);
            }
            Collections.reverse(path);
            String chain = path.stream().map(id -> id + " (planned " + byId.get(id).planned() + ", "
                    + (byId.get(id).done() ? "done " : "finishing ") + finish.get(id) + ")").collect(Collectors.joining(" -> "));
            return new Chain(finish.get(last.id()), List.copyOf(path), "planned chain: " + chain + ", finishing " + finish.get(last.id()));
        }

        private static LocalDate finish(Step s, Map<Long, Step> byId, LocalDate today, Map<Long, LocalDate> memo, Map<Long, Long> setBy,
                Set<Long> visiting) {
            LocalDate known = memo.get(s.id());
            if (known != null) {
                return known;
            }
            if (s.done()) {
                memo.put(s.id(), s.actual());
                return s.actual();
            }
            visiting.add(s.id());
            LocalDate f = s.planned().isBefore(today) ? today : s.planned();
            for (Long depId : s.dependsOn().stream().sorted().toList()) {
                Step d = byId.get(depId);
                if (d == null || visiting.contains(depId)) {
                    continue; // a dependency cycle cannot be written any more; one left from before is cut here
                }
                long gap = Math.max(0, ChronoUnit.DAYS.between(d.planned(), s.planned()));
                LocalDate viaDep = finish(d, byId, today, memo, setBy, visiting).plusDays(gap);
                // a predecessor with no slack (it ends exactly where this one starts) is on the critical path too
                if (viaDep.isAfter(f) || (viaDep.equals(f) && !setBy.containsKey(s.id()))) {
                    f = viaDep;
                    setBy.put(s.id(), depId);
                }
            }
            visiting.remove(s.id());
            memo.put(s.id(), f);
            return f;
        }
    }
}
