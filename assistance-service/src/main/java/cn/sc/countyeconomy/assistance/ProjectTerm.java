package cn.sc.countyeconomy.assistance;

/** Short, medium or long term project, as the task-force plans classify them. */
public enum ProjectTerm {
    SHORT, MEDIUM, LONG
}
