package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Coverage", description = "Coverage checks for a year against the plan's targets. The counties are those "
        + "county-registry-service designates underdeveloped on asOf, as this service's local copy of the registry facts holds "
        + "them (countiesSource registry-copy; countiesFetchedAt: when the copy last changed).")
public record Coverage(int year, LocalDate asOf, String countiesSource, Instant countiesFetchedAt, int counties,
        List<CountyMissingForces> countiesMissingForces,
        @Schema(description = "SOEs with no agreement signed by asOf whose term runs in the year with one of the year's counties") List<SoeWithoutAgreement> soesWithoutSignedAgreement,
        @Schema(description = "SOEs that have such an agreement, against the plan's 78") TargetFigure soesWithAgreement,
        List<DepartmentBelowKeyProjects> departmentsBelowKeyProjects,
        @Schema(description = "The other side of the plan's \"one or two key projects\" a year per department and county") List<DepartmentAboveKeyProjects> departmentsAboveKeyProjects,
        List<CountyBelowTraining> countiesBelowTrainingTarget,
        TargetFigure provinceCadres,
        @Schema(description = "Pairings ended in the year because their county stopped being designated underdeveloped (registry change feed), "
                + "with the designation's end") List<PairingEndedByDesignation> pairingsEndedByDesignation) {
}
