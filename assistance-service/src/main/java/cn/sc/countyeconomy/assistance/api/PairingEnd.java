package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "PairingEnd", description = "Ends (or moves the end of) a pairing; validTo null reopens it. Nothing else of a pairing changes.")
public record PairingEnd(LocalDate validTo) {
}
