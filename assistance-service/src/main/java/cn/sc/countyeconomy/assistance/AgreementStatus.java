package cn.sc.countyeconomy.assistance;

import java.util.Set;

/** Life of a common-prosperity agreement: DRAFT -> SIGNED -> IN_FORCE -> EXPIRED. */
public enum AgreementStatus {
    DRAFT, SIGNED, IN_FORCE, EXPIRED;

    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SIGNED);
            case SIGNED -> Set.of(IN_FORCE);
            case IN_FORCE -> Set.of(EXPIRED);
            case EXPIRED -> Set.of();
        };
    }

    /** Signed and not expired: what the coverage check counts as "has a signed agreement". */
    public boolean binding() {
        return this == SIGNED || this == IN_FORCE;
    }
}
