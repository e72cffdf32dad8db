package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.TransactionType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The limits of a project's money, checked before a transaction is recorded (no database, no HTTP: one
 * computation, testable by hand). With the candidate added to the project's transactions:
 * <ul>
 * <li>as of every transaction date d on or after the candidate's (earlier dates are unchanged by it), summing
 * every transaction dated on or before d, corrections included: disbursed &lt;= committed and spent &lt;=
 * disbursed. The last such date gives the resulting totals, so the cumulative check is the last step of the
 * dated one; a disbursement dated before its commitment fails on its own date;</li>
 * <li>a correction may lower what it corrects at most to zero (original plus all its corrections &gt;= 0).</li>
 * </ul>
 * A violation is a 422 problem naming the rule, the date and the figures as of that date before the candidate.
 */
public final class FundLedger {

    /** One transaction: id null for the candidate; corrects the id of the transaction it corrects, if any. */
    public record Entry(Long id, TransactionType type, LocalDate date, BigDecimal amount, Long corrects) {
    }

    record Sums(BigDecimal committed, BigDecimal disbursed, BigDecimal spent) {

        static Sums asOf(List<Entry> entries, LocalDate day) {
            BigDecimal c = zero(), d = zero(), s = zero();
            for (Entry e : entries) {
                if (e.date().isAfter(day)) {
                    continue;
                }
                switch (e.type()) {
                    case COMMITMENT -> c = c.add(e.amount());
                    case DISBURSEMENT -> d = d.add(e.amount());
                    case EXPENDITURE -> s = s.add(e.amount());
                }
            }
            return new Sums(c, d, s);
        }
    }

    private FundLedger() {
    }

    public static void check(List<Entry> existing, Entry candidate) {
        if (candidate.corrects() != null) {
            checkCorrectionLeavesOriginalNonNegative(existing, candidate);
        }
        List<Entry> after = new ArrayList<>(existing);
        after.add(candidate);
        TreeSet<LocalDate> days = new TreeSet<>();
        after.forEach(e -> days.add(e.date()));
        for (LocalDate day : days.tailSet(candidate.date(), true)) {
            Sums before = Sums.asOf(existing, day);
            Sums result = Sums.asOf(after, day);
            boolean last = day.equals(days.last());
            if (result.disbursed().compareTo(result.committed()) > 0) {
                throw ApiException.rule("disbursement-exceeds-commitment", detail(candidate, "disbursements", result.disbursed(),
                        "committed", result.committed(), day, last))
                        .with("asOf", day.toString()).with("committed", before.committed()).with("disbursed", before.disbursed())
                        .with("requested", candidate.amount()).with("available", before.committed().subtract(before.disbursed()));
            }
            if (result.spent().compareTo(result.disbursed()) > 0) {
                throw ApiException.rule("expenditure-exceeds-disbursement", detail(candidate, "expenditure", result.spent(),
                        "disbursed", result.disbursed(), day, last))
                        .with("asOf", day.toString()).with("disbursed", before.disbursed()).with("spent", before.spent())
                        .with("requested", candidate.amount()).with("available", before.disbursed().subtract(before.spent()));
            }
        }
    }

    private static String detail(Entry candidate, String lower, BigDecimal lowerSum, String upper, BigDecimal upperSum, LocalDate day,
            boolean last) {
        String what = candidate.corrects() != null
                ? "Correcting transaction " + candidate.corrects() + " by " + candidate.amount() + " CNY"
                : verb(candidate.type()) + " " + candidate.amount() + " CNY on " + candidate.date();
        return what + " would bring " + lower + " to " + lowerSum + " CNY " + (last ? "in total" : "as of " + day) + ", above the "
                + upperSum + " CNY " + upper + (last ? "" : " by then");
    }

    private static String verb(TransactionType type) {
        return switch (type) {
            case COMMITMENT -> "Committing";
            case DISBURSEMENT -> "Disbursing";
            case EXPENDITURE -> "Spending";
        };
    }

    private static void checkCorrectionLeavesOriginalNonNegative(List<Entry> existing, Entry candidate) {
        BigDecimal net = candidate.amount();
        for (Entry e : existing) {
            if (candidate.corrects().equals(e.id()) || candidate.corrects().equals(e.corrects())) {
                net = net.add(e.amount());
            }
        }
        if (net.signum() < 0) {
            BigDecimal standing = net.subtract(candidate.amount());
            throw ApiException.rule("correction-exceeds-original", "Transaction " + candidate.corrects() + " stands at " + standing
                    + " CNY after its corrections; a correction of " + candidate.amount() + " CNY would make it negative")
                    .with("standing", standing).with("requested", candidate.amount());
        }
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
