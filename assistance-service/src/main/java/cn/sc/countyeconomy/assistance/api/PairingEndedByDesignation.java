package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PairingEndedByDesignation", description = "A pairing ended because its county stopped being designated underdeveloped: "
        + "designationEndedOn is the first day the county was no longer designated, validTo (the pairing's last day) the day before.")
public record PairingEndedByDesignation(long pairingId, long organisationId, String countyCode, String countyName, String forceCode,
        LocalDate validTo, LocalDate designationEndedOn) {
}
