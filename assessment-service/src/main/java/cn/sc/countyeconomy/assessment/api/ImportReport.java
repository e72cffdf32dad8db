package cn.sc.countyeconomy.assessment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ImportReport", description = "The validation report of a bulk submission.")
public record ImportReport(int year, boolean dryRun, int received, int accepted, int rejected, int flagged,
        int written, List<ValueIssue> issues) {
}
