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
}
