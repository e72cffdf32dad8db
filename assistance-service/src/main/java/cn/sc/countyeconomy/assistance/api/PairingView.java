package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.Pairing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Pairing", description = "An organisation helps a county under a force from validFrom to validTo (inclusive; open when absent).")
public record PairingView(long id, long organisationId, String countyCode, String countyName, String forceCode,
        LocalDate validFrom, LocalDate validTo, boolean synthetic, long version) {

    public static PairingView of(Pairing p) {
        return new PairingView(p.id, p.organisationId, p.countyCode, p.countyName, p.forceCode, p.validFrom, p.validTo,
                p.synthetic, p.version);
    }
}
