package cn.sc.countyeconomy.assistance.mapping;

import cn.sc.countyeconomy.assistance.AgreementStatus;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.CadreExchange;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import cn.sc.countyeconomy.assistance.TransactionType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the API accepts. Bean Validation here gives 422 problems naming each field. */
public final class Commands {

    public static final String COUNTY_CODE = "^[0-9]{6}$";
    public static final String COUNTY_CODE_MESSAGE = "must be a 6-digit county code";

    private Commands() {
    }

    @Schema(name = "NewOrganisation", description = "forceCode may be omitted: it follows from kind (and must match it when given).")
    public record NewOrganisation(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
                                  @NotNull OrganisationKind kind, String forceCode) {
    }

    @Schema(name = "OrganisationUpdate")
    public record OrganisationUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn) {
    }

    @Schema(name = "NewPairing", description = "The county must be designated UNDERDEVELOPED_COUNTY by county-registry-service on validFrom.")
    public record NewPairing(@NotNull Long organisationId,
                             @NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                             @NotNull LocalDate validFrom, LocalDate validTo) {
    }

    @Schema(name = "PairingEnd", description = "Ends (or moves the end of) a pairing; validTo null reopens it. Nothing else of a pairing changes.")
    public record PairingEnd(LocalDate validTo) {
    }

    @Schema(name = "NewAgreement", description = "Created as DRAFT. Give exactly one of annualAmount (CNY) and annualSharePercent; one or two key industries.")
    public record NewAgreement(@NotNull Long organisationId,
                               @NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                               @NotBlank @Size(max = 300) String title,
                               @NotNull LocalDate termStart, @NotNull LocalDate termEnd,
                               @Positive @Digits(integer = 16, fraction = 2) BigDecimal annualAmount,
                               @Positive @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal annualSharePercent,
                               @NotNull @Size(min = 1, max = 2) List<@NotBlank @Size(max = 100) String> keyIndustries) {
    }

    @Schema(name = "AgreementTransition", description = "DRAFT->SIGNED (date = signed date), SIGNED->IN_FORCE (date within the term), IN_FORCE->EXPIRED (date on or after the term's end).")
    public record AgreementTransition(@NotNull AgreementStatus status, @NotNull LocalDate date) {
    }

    @Schema(name = "ProjectPartnerInput")
    public record PartnerInput(@NotNull Long organisationId, @NotNull AssistanceProject.PartnerRole role) {
    }

    @Schema(name = "NewProject", description = "Created in status PIPELINE. The lead organisation's force is the project's force.")
    public record NewProject(@NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                             @NotNull Long leadOrganisationId,
                             @Size(max = 20) List<@Valid @NotNull PartnerInput> partners,
                             @NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
                             @NotNull ProjectSector sector, @NotNull ProjectTerm term,
                             @Schema(description = "A key support project (counts toward the 1-2 key projects a department implements per county and year).") boolean keyProject,
                             @NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd,
                             @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal budget) {
    }

    @Schema(name = "ProjectUpdate", description = "Changes the descriptive fields and plan; status changes go through /transitions.")
    public record ProjectUpdate(@NotBlank @Size(max = 300) String title, @Size(max = 4000) String description,
                                @NotNull ProjectSector sector, @NotNull ProjectTerm term, boolean keyProject,
                                @NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd,
                                @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal budget) {
    }

    @Schema(name = "ProjectTransition", description = "A dated status change; only the transitions of the documented pipeline are allowed.")
    public record ProjectTransition(@NotNull ProjectStatus status, @NotNull LocalDate date, @Size(max = 1000) String reason) {
    }

    @Schema(name = "ResultPeriodInput")
    public record PeriodInput(@NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                              @NotNull @Digits(integer = 16, fraction = 2) BigDecimal target,
                              @Digits(integer = 16, fraction = 2) BigDecimal actual) {
    }

    @Schema(name = "NewResultIndicator")
    public record NewIndicator(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 50) String unit,
                               @NotNull @Min(1990) @Max(2100) Integer baselineYear,
                               @NotNull @Digits(integer = 16, fraction = 2) BigDecimal baselineValue,
                               @NotEmpty @Size(max = 40) List<@Valid @NotNull PeriodInput> periods) {
    }

    @Schema(name = "NewFundTransaction", description = "amount in CNY, positive, at most 2 decimal places. correction=true (admin only, with correctionReason) lets a transaction pass the cumulative rules.")
    public record NewTransaction(@NotNull TransactionType type, @NotNull LocalDate date,
                                 @NotNull @Positive @Digits(integer = 16, fraction = 2)
                                 @Schema(example = "1000000.00") BigDecimal amount,
                                 @Pattern(regexp = "CNY", message = "must be CNY") String currency,
                                 Long providerOrganisationId,
                                 @NotBlank @Size(max = 300) String providerName,
                                 @NotBlank @Size(max = 300) String receiverName,
                                 @Size(max = 1000) String description,
                                 boolean correction, @Size(max = 1000) String correctionReason) {
    }

    @Schema(name = "NewTrainingRecord")
    public record NewTraining(@NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                              @NotNull @Min(2000) @Max(2100) Integer year, Long organiserOrganisationId,
                              @NotBlank @Size(max = 300) String organiserName,
                              @NotNull @Positive @Max(1_000_000) Integer peopleTrained,
                              @NotNull TrainingRecord.TrainingKind kind) {
    }

    @Schema(name = "NewCadreExchange", description = "A count of cadres; no names or other personal data are accepted.")
    public record NewCadreExchange(@NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                                   @NotNull Long organisationId, @NotNull CadreExchange.ExchangeKind kind,
                                   @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                                   @NotNull @Positive @Max(10_000) Integer people) {
    }

    @Schema(name = "NewTask")
    public record NewTask(@NotNull @Pattern(regexp = COUNTY_CODE, message = COUNTY_CODE_MESSAGE) String countyCode,
                          @NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 300) String responsibleUnit,
                          @NotNull LocalDate deadline,
                          @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 1000) String evidenceUrl) {
    }

    @Schema(name = "TaskUpdate", description = "status DONE needs completedOn; other statuses must not have it.")
    public record TaskUpdate(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 300) String responsibleUnit,
                             @NotNull LocalDate deadline, @NotNull TaskForceTask.TaskStatus status, LocalDate completedOn,
                             @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") @Size(max = 1000) String evidenceUrl) {
    }
}
