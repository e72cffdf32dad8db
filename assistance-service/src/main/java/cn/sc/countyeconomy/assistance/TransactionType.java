package cn.sc.countyeconomy.assistance;

/** Fund transaction types with their IATI transaction-type codes. */
public enum TransactionType {

    COMMITMENT("2"), DISBURSEMENT("3"), EXPENDITURE("4");

    private final String iatiCode;

    TransactionType(String iatiCode) {
        this.iatiCode = iatiCode;
    }

    public String iatiCode() {
        return iatiCode;
    }
}
