package cn.sc.countyeconomy.reformpilot;

public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE
}
