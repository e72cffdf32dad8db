package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.mapping.Views.CategoryAssignmentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assessment category assignments per county and year: add, correct, end. */
@ApplicationScoped
public class CategoryService {

    @Schema(name = "NewCategoryAssignment")
    public record NewAssignment(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "510522") String countyCode,
                                @NotNull @Min(1949) @Max(2200) @Schema(example = "2024") Integer year,
                                @NotBlank @Schema(example = "MAIN_FARM_PRODUCE") String categoryCode,
                                @NotBlank @Size(max = 2000) String source) {
    }

    @Schema(name = "CategoryAssignmentCorrection")
    public record Correction(@NotBlank String categoryCode, @NotBlank @Size(max = 2000) String source,
                             @Size(max = 2000) @Schema(description = "Why (goes to the audit trail).") String reason) {
    }

    @Schema(name = "EndCategoryAssignment", description = "Withdraws an assignment: it no longer counts and drops out of listings; it stays in the audit trail and the feed.")
    public record EndRequest(@Schema(description = "Day of withdrawal; today when left out.") LocalDate endDate,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    CountyScope scope;
    @Inject
    EntityManager em;

    @Transactional
    public CategoryAssignmentView create(NewAssignment r) {
        feed.lockForWrite();
        scope.requireWrite(r.countyCode());
        requireCategory(r.categoryCode());
        if (Division.count("code = ?1 and level = ?2", r.countyCode(), Division.COUNTY) == 0) {
            throw ApiException.rule("unknown-county", "countyCode: no county-level division " + r.countyCode() + " exists").with("countyCode", r.countyCode());
        }
        CategoryAssignment existing = CategoryAssignment.<CategoryAssignment>find("countyCode = ?1 and year = ?2 and endedOn is null",
                r.countyCode(), r.year()).firstResultOptional().orElse(null);
        if (existing != null) {
            throw ApiException.conflict("County " + r.countyCode() + " already has category " + existing.categoryCode + " for " + r.year()
                    + " (assignment " + existing.id + "); correct it with PUT or end it first").with("conflictingId", existing.id);
        }
        CategoryAssignment a = new CategoryAssignment();
        a.countyCode = r.countyCode();
        a.year = r.year();
        a.categoryCode = r.categoryCode();
        a.source = r.source();
        a.persist();
        em.flush();
        CategoryAssignmentView view = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "CREATED", LocalDate.of(a.year, 1, 1), payload(a, null));
        audit.record("CategoryAssignment", a.id, "CREATE", null, view);
        return view;
    }

    @Transactional
    public CategoryAssignmentView correct(long id, String ifMatch, Correction r) {
        feed.lockForWrite();
        CategoryAssignment a = find(id);
        scope.requireWrite(a.countyCode);
        Preconditions.requireMatch(ifMatch, a.version);
        requireCategory(r.categoryCode());
        CategoryAssignmentView before = view(a);
        a.categoryCode = r.categoryCode();
        a.source = r.source();
        em.flush();
        CategoryAssignmentView after = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "CORRECTED", LocalDate.of(a.year, 1, 1), payload(a, null));
        audit.record("CategoryAssignment", a.id, "CORRECT", before, after, r.reason());
        return after;
    }

    @Transactional
    public CategoryAssignmentView end(long id, String ifMatch, EndRequest r) {
        feed.lockForWrite();
        CategoryAssignment a = find(id);
        scope.requireWrite(a.countyCode);
        Preconditions.requireMatch(ifMatch, a.version);
        if (a.endedOn != null) {
            throw ApiException.rule("already-ended", "Category assignment " + id + " was already ended on " + a.endedOn);
        }
        CategoryAssignmentView before = view(a);
        a.endedOn = r.endDate() == null ? LocalDate.now() : r.endDate();
        a.endReason = r.reason();
        em.flush();
        CategoryAssignmentView after = view(a);
        feed.append("CATEGORY_ASSIGNMENT", a.id.toString(), "ENDED", a.endedOn, payload(a, null));
        audit.record("CategoryAssignment", a.id, "END", before, after, r.reason());
        return after;
    }

    public static CategoryAssignment find(long id) {
        CategoryAssignment a = CategoryAssignment.findById(id);
        if (a == null) {
            throw ApiException.notFound("Category assignment", id);
        }
        return a;
    }

    public static CategoryAssignmentView view(CategoryAssignment a) {
        return CategoryAssignmentView.of(a, CountyReads.latestName(a.countyCode), CountyReads.categoryName(a.categoryCode));
    }

    private static void requireCategory(String code) {
        if (AssessmentCategory.findById(code) == null) {
            throw ApiException.rule("unknown-category", "categoryCode: no assessment category '" + code
                    + "'; one of CITY_CORE_DISTRICT, KEY_DEVELOPMENT, MAIN_FARM_PRODUCE, KEY_ECOLOGICAL_FUNCTION").with("categoryCode", code);
        }
    }

    static Map<String, Object> payload(CategoryAssignment a, DivisionChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id);
        m.put("countyCode", a.countyCode);
        m.put("year", a.year);
        m.put("categoryCode", a.categoryCode);
        m.put("source", a.source);
        m.put("endedOn", a.endedOn);
        m.put("version", a.version);
        if (change != null) {
            m.put("changeId", change.id);
            m.put("changeKind", change.kind);
        }
        return m;
    }
}
