package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TrainingRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrainingRecord", description = "People trained; a reversal (reversesId set) carries minus the count of the record it reverses, "
        + "so sums are net.")
public record TrainingView(long id, String countyCode, int year, Long organiserOrganisationId, String organiserName,
        int peopleTrained, TrainingRecord.TrainingKind kind, boolean synthetic, Long reversesId, String reversalReason,
        String recordedBy) {

    public static TrainingView of(TrainingRecord t) {
        return new TrainingView(t.id, t.countyCode, t.year, t.organiserOrganisationId, t.organiserName, t.peopleTrained,
                t.kind, t.synthetic, t.reversesId, t.reversalReason, t.recordedBy);
    }
}
