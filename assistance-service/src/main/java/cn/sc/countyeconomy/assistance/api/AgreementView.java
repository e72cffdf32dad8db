package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.Agreement;
import cn.sc.countyeconomy.assistance.AgreementStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Agreement", description = "A common-prosperity agreement of an SOE with a county. Exactly one of annualAmount (CNY) and annualSharePercent is set.")
public record AgreementView(long id, long organisationId, String countyCode, String title, LocalDate signedDate,
        LocalDate termStart, LocalDate termEnd, BigDecimal annualAmount, BigDecimal annualSharePercent,
        List<String> keyIndustries, AgreementStatus status, LocalDate statusDate,
        boolean synthetic, long version) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.organisationId, a.countyCode, a.title, a.signedDate, a.termStart, a.termEnd,
                a.annualAmount, a.annualSharePercent, List.copyOf(a.keyIndustries), a.status, a.statusDate,
                a.synthetic, a.version);
    }
}
