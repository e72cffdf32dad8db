package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.CadreExchange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "CadreExchange", description = "Cadres of a county trained by a helper organisation: a count only, no personal data. "
        + "A reversal (reversesId set) carries minus the count of the exchange it reverses, so sums are net.")
public record CadreExchangeView(long id, String countyCode, long organisationId, CadreExchange.ExchangeKind kind,
        LocalDate periodStart, LocalDate periodEnd, int people, boolean synthetic, Long reversesId, String reversalReason,
        String recordedBy) {

    public static CadreExchangeView of(CadreExchange c) {
        return new CadreExchangeView(c.id, c.countyCode, c.organisationId, c.kind, c.periodStart, c.periodEnd, c.people,
                c.synthetic, c.reversesId, c.reversalReason, c.recordedBy);
    }
}
