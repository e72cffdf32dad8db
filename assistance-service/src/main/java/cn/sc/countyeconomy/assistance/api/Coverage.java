package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Coverage", description = "Coverage checks for a year against the plan's targets. The counties are those "
        + "county-registry-service designates underdeveloped on asOf; countiesSource says whether that list came from the "
        + "registry now or, while it is down, from the last list it gave (cache).")
public record Coverage(int year, LocalDate asOf, String countiesSource, Instant countiesFetchedAt, int counties,
        List<CountyMissingForces> countiesMissingForces,
        List<SoeWithoutAgreement> soesWithoutSignedAgreement,
        List<DepartmentBelowKeyProjects> departmentsBelowKeyProjects,
        List<CountyBelowTraining> countiesBelowTrainingTarget,
        TargetFigure provinceCadres) {
}
