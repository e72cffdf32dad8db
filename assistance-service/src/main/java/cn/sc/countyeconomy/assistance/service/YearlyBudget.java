package cn.sc.countyeconomy.assistance.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's budget split into calendar-year periods (IATI budgets may not span more than a year): each year's
 * share is the budget times its days in [start, end] over all the days, to the cent (half up); the last year takes
 * what rounding left, so the shares add up to the budget exactly.
 */
public record YearlyBudget(int year, LocalDate start, LocalDate end, BigDecimal amount) {

    public static List<YearlyBudget> split(BigDecimal total, LocalDate start, LocalDate end) {
        long allDays = ChronoUnit.DAYS.between(start, end) + 1;
        List<YearlyBudget> out = new ArrayList<>();
        BigDecimal given = BigDecimal.ZERO.setScale(2);
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            LocalDate from = y == start.getYear() ? start : LocalDate.of(y, 1, 1);
            LocalDate to = y == end.getYear() ? end : LocalDate.of(y, 12, 31);
            BigDecimal share;
            if (y == end.getYear()) {
                share = total.setScale(2).subtract(given);
            } else {
                long days = ChronoUnit.DAYS.between(from, to) + 1;
                share = total.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(allDays), 2, RoundingMode.HALF_UP);
            }
            given = given.add(share);
            out.add(new YearlyBudget(y, from, to, share));
        }
        return out;
    }
}
