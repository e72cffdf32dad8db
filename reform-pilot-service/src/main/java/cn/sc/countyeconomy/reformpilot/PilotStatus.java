package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.security.Roles;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The lifecycle of a pilot. The table of legal transitions lives here, once; the API publishes it
 * at {@code GET /api/v1/pilot-lifecycle} and the README repeats it.
 * <pre>
 * NOMINATED        -> APPROVED, WITHDRAWN
 * APPROVED         -> IMPLEMENTING, WITHDRAWN
 * IMPLEMENTING     -> UNDER_EVALUATION, WITHDRAWN
 * UNDER_EVALUATION -> ACCEPTED, REJECTED, IMPLEMENTING (sent back for rectification), WITHDRAWN
 * ACCEPTED, REJECTED, WITHDRAWN: final
 * </pre>
 * REJECTED is final: a rectification is decided before the verdict (back to IMPLEMENTING from
 * UNDER_EVALUATION); a rejected county may be nominated again as a new pilot.
 */
public enum PilotStatus {

    NOMINATED, APPROVED, IMPLEMENTING, UNDER_EVALUATION, ACCEPTED, REJECTED, WITHDRAWN;

    public Set<PilotStatus> next() {
        return switch (this) {
            case NOMINATED -> EnumSet.of(APPROVED, WITHDRAWN);
            case APPROVED -> EnumSet.of(IMPLEMENTING, WITHDRAWN);
            case IMPLEMENTING -> EnumSet.of(UNDER_EVALUATION, WITHDRAWN);
            case UNDER_EVALUATION -> EnumSet.of(IMPLEMENTING, ACCEPTED, REJECTED, WITHDRAWN);
            case ACCEPTED, REJECTED, WITHDRAWN -> EnumSet.noneOf(PilotStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public boolean mayBecome(PilotStatus to) {
        return next().contains(to);
    }

    /** The roles of which the caller needs one to move a pilot into this state. */
    public List<String> rolesToEnter() {
        return switch (this) {
            case APPROVED, ACCEPTED, REJECTED -> List.of(Roles.APPROVER);
            case WITHDRAWN -> List.of(Roles.EDITOR, Roles.APPROVER);
            default -> List.of(Roles.EDITOR);
        };
    }

    /** Pilots whose work is under way: they report, and their deadline risk is projected. */
    public boolean isActive() {
        return this == APPROVED || this == IMPLEMENTING || this == UNDER_EVALUATION;
    }
}
