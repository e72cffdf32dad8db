package cn.sc.countyeconomy.assistance;

import java.util.Set;

/**
 * Status of a project, with the only transitions allowed and the IATI activity-status code each
 * maps to (1 pipeline/identification, 2 implementation, 3 finalisation, 5 cancelled, 6 suspended).
 */
public enum ProjectStatus {

    PIPELINE("1"), APPROVED("1"), IN_PROGRESS("2"), COMPLETED("3"), CANCELLED("5"), SUSPENDED("6");

    private final String iatiCode;

    ProjectStatus(String iatiCode) {
        this.iatiCode = iatiCode;
    }

    public String iatiCode() {
        return iatiCode;
    }

    public Set<ProjectStatus> next() {
        return switch (this) {
            case PIPELINE -> Set.of(APPROVED, CANCELLED);
            case APPROVED -> Set.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> Set.of(COMPLETED, SUSPENDED, CANCELLED);
            case SUSPENDED -> Set.of(IN_PROGRESS, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }
}
