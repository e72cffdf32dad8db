package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a workflow step is taken (required to reopen). */
@Schema(name = "Reason")
public record Reason(@Schema(description = "Why; required to reopen") String reason) {
}
