package cn.sc.countyeconomy.assessment.api;

import cn.sc.countyeconomy.assessment.Submission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Submission", description = "The workflow state of one county's data for one year.")
public record SubmissionView(String countyCode, int year, Submission.Status status, boolean synthetic,
        String reason, Instant updatedAt, long version) {

    public static SubmissionView of(Submission s) {
        return new SubmissionView(s.countyCode, s.year, s.status, s.synthetic, s.reason, s.updatedAt, s.version);
    }
}
