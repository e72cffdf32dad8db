package cn.sc.countyeconomy.reformpilot.api;

import cn.sc.countyeconomy.reformpilot.ExperienceReplication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Replication", description = "A county that replicated an experience, and when.")
public record ReplicationView(String countyCode, String countyName, LocalDate replicatedOn, String note) {

    public static ReplicationView of(ExperienceReplication r) {
        return new ReplicationView(r.countyCode, r.countyName, r.replicatedOn, r.note);
    }
}
