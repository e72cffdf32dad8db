package cn.sc.countyeconomy.assistance.api;

/** How a county code is checked in request bodies (six digits, GB/T 2260). */
public final class CountyCode {

    public static final String PATTERN = "^[0-9]{6}$";
    public static final String MESSAGE = "must be a 6-digit county code";

    private CountyCode() {
    }
}
