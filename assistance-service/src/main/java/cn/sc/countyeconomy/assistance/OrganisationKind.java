package cn.sc.countyeconomy.assistance;

/** The kinds of assisting organisation; each kind belongs to exactly one of the five forces. */
public enum OrganisationKind {

    PROVINCIAL_DEPARTMENT("PROVINCIAL_TARGETED"), EASTERN_PARTNER("EAST_WEST_COOPERATION"), PAIRED_CITY("PROVINCIAL_PAIRED"), PROVINCIAL_SOE(
            "PROVINCIAL_SOE"), CENTRAL_SOE("CENTRAL_SOE");

    private final String forceCode;

    OrganisationKind(String forceCode) {
        this.forceCode = forceCode;
    }

    public String forceCode() {
        return forceCode;
    }

    public boolean isSoe() {
        return this == PROVINCIAL_SOE || this == CENTRAL_SOE;
    }
}
