package cn.sc.countyeconomy.assistance.api;

import cn.sc.countyeconomy.assistance.TrainingRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrainingRecord")
public record TrainingView(long id, String countyCode, int year, Long organiserOrganisationId, String organiserName,
        int peopleTrained, TrainingRecord.TrainingKind kind, boolean synthetic) {

    public static TrainingView of(TrainingRecord t) {
        return new TrainingView(t.id, t.countyCode, t.year, t.organiserOrganisationId, t.organiserName, t.peopleTrained,
                t.kind, t.synthetic);
    }
}
