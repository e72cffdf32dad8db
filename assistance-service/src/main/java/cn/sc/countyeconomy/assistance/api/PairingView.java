package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.Pairing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Pairing", description = "An organisation helps a county under a force from validFrom to validTo (inclusive; open when absent).")
public record PairingView(long id, long organisationId, String countyCode, String countyName, String forceCode,
        LocalDate validFrom, LocalDate validTo, boolean synthetic, long version,
        @Schema(description = "Present when the pairing was ended because the county stopped being designated underdeveloped (the registry's "
                + "change feed): the designation's end, the first day the county was no longer designated; validTo is the day before. "
                + "Cleared when the end is set again") LocalDate endedByDesignationOn) {

    public static PairingView of(Pairing p) {
        return new PairingView(p.id, p.organisationId, p.countyCode, p.countyName, p.forceCode, p.validFrom, p.validTo,
                p.synthetic, p.version, p.endedByDesignationOn);
    }
}
