package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.Pilot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "RegistrySync", description = "The pilot's REFORM_PILOT designation as this service holds it, and whether "
        + "county-registry-service has it yet. Registry writes are sent after the transition has committed (transactional outbox).")
public record RegistrySync(
        @Schema(description = "PENDING: a write is on its way (retried with backoff while the registry cannot be reached); "
                + "SYNCED: the registry holds what this service sent; FAILED: the registry refused it (see detail). "
                + "Null: nothing was sent for this pilot.", nullable = true, enumeration = {
                        "PENDING", "SYNCED", "FAILED"}) String state,
        @Schema(description = "The designation's first day: the approval date.", nullable = true) LocalDate validFrom,
        @Schema(description = "Its end (exclusive): the day after the programme's deadline, or the date of acceptance, rejection "
                + "or withdrawal; null while open-ended.", nullable = true) LocalDate validTo,
        @Schema(description = "FAILED: the registry's answer; PENDING after a failed attempt: the last fault.", nullable = true) String detail,
        @Schema(description = "FAILED: the HTTP status of the registry's answer as passed on (409, 422).", nullable = true) Integer registryStatus) {

    public static RegistrySync of(Pilot p) {
        return new RegistrySync(p.syncState == null ? null : p.syncState.name(), p.designationFrom, p.designationTo, p.syncDetail,
                p.syncRegistryStatus);
    }
}
