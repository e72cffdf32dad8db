package cn.sc.countyeconomy.reformpilot.service;

import java.time.LocalDate;
import java.util.regex.Matcher;

/** A reporting quarter such as 2024-Q3: 2024-07-01 to 2024-09-30. */
public record ReportingPeriod(int year, int quarter) implements Comparable<ReportingPeriod> {

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("([0-9]{4})-Q([1-4])");

    /** Empty-handed callers get an IllegalArgumentException; the API checks the format first. */
    public static ReportingPeriod parse(String s) {
        Matcher m = FORMAT.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quarter: " + s);
        }
        return new ReportingPeriod(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static boolean isValid(String s) {
        return s != null && FORMAT.matcher(s.trim()).matches();
    }

    public static ReportingPeriod containing(LocalDate d) {
        return new ReportingPeriod(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
    }

    /** The last quarter that has ended before this date. */
    public static ReportingPeriod lastEndedBefore(LocalDate d) {
        return containing(d).previous();
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public LocalDate dueDate(int dueDays) {
        return end().plusDays(dueDays);
    }

    public ReportingPeriod previous() {
        return quarter == 1 ? new ReportingPeriod(year - 1, 4) : new ReportingPeriod(year, quarter - 1);
    }

    public ReportingPeriod next() {
        return quarter == 4 ? new ReportingPeriod(year + 1, 1) : new ReportingPeriod(year, quarter + 1);
    }

    @Override
    public int compareTo(ReportingPeriod o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
