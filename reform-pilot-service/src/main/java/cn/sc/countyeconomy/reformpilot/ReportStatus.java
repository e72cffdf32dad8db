package cn.sc.countyeconomy.reformpilot;

public enum ReportStatus {
    ON_TRACK, AT_RISK, OFF_TRACK
}
