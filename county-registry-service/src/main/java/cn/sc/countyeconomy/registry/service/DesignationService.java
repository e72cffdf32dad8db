package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.DesignationType;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.mapping.Views.DesignationTypeView;
import cn.sc.countyeconomy.registry.mapping.Views.DesignationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Designations and their types: add, end, correct; each write audited and in the change feed. */
@ApplicationScoped
public class DesignationService {

    @Schema(name = "NewDesignation")
    public record NewDesignation(
            @NotBlank @Schema(example = "URBAN_RURAL_INTEGRATION_PILOT") String typeCode,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "510522") String countyCode,
            @NotNull @Schema(description = "First day; the county must be ACTIVE on it.", example = "2024-01-01") LocalDate validFrom,
            @Schema(description = "End (exclusive), optional.", nullable = true) LocalDate validTo,
            @NotBlank @Size(max = 2000) @Schema(description = "Source reference (URL or document).") String sourceRef,
            @Size(max = 2000) String note,
            @Schema(description = "LISTED, CORROBORATED or INFERRED; optional.", nullable = true) @Pattern(regexp = "LISTED|CORROBORATED|INFERRED") String evidenceStatus) {
    }

    @Schema(name = "EndDesignation")
    public record EndRequest(@NotNull @Schema(description = "Day the designation ends (exclusive); after its validFrom.", example = "2025-12-31") LocalDate endDate,
                             @NotBlank @Size(max = 2000) @Schema(example = "Pilot accepted and closed") String reason) {
    }

    @Schema(name = "DesignationCorrection", description = "Corrects a designation in place (admin). typeCode and countyCode cannot change.")
    public record Correction(@NotNull LocalDate validFrom, LocalDate validTo,
                             @Pattern(regexp = "LISTED|CORROBORATED|INFERRED") String evidenceStatus,
                             @NotBlank @Size(max = 2000) String sourceRef, @Size(max = 2000) String note,
                             @NotBlank @Size(max = 2000) @Schema(description = "Why the correction is made (goes to the audit trail).") String reason) {
    }

    @Schema(name = "NewDesignationType")
    public record NewType(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,63}", message = "must be upper case letters, digits and _, 3 to 64 long")
                          @Schema(example = "URBAN_RURAL_INTEGRATION_PILOT") String code,
                          @NotBlank @Size(max = 200) @Schema(example = "城乡融合发展改革试点") String name,
                          @NotBlank @Size(max = 200) @Schema(example = "Urban-rural integration reform pilot") String nameEn,
                          @Size(max = 2000) String description) {
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
    public DesignationView create(NewDesignation r) {
        feed.lockForWrite();
        scope.requireWrite(r.countyCode());
        if (DesignationType.findById(r.typeCode()) == null) {
            throw ApiException.rule("unknown-designation-type", "typeCode: no designation type '" + r.typeCode() + "'; see GET /api/v1/designation-types")
                    .with("typeCode", r.typeCode());
        }
        Division county = Division.on(r.countyCode(), r.validFrom()).filter(d -> Division.COUNTY.equals(d.level)).orElse(null);
        if (county == null) {
            if (Division.count("code = ?1 and level = ?2", r.countyCode(), Division.COUNTY) == 0) {
                throw ApiException.rule("unknown-county", "countyCode: no county-level division " + r.countyCode() + " exists").with("countyCode", r.countyCode());
            }
            throw ApiException.rule("county-not-active", "countyCode: county " + r.countyCode() + " is not ACTIVE on validFrom " + r.validFrom())
                    .with("countyCode", r.countyCode());
        }
        checkDates(r.validFrom(), r.validTo());
        checkOverlap(r.typeCode(), r.countyCode(), r.validFrom(), r.validTo(), null);
        Designation d = new Designation();
        d.typeCode = r.typeCode();
        d.countyCode = r.countyCode();
        d.validFrom = r.validFrom();
        d.validTo = r.validTo();
        d.evidenceStatus = r.evidenceStatus();
        d.sourceRef = r.sourceRef();
        d.note = r.note();
        d.persist();
        em.flush();
        DesignationView view = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        feed.append("DESIGNATION", d.id.toString(), "CREATED", d.validFrom, payload(d, null));
        audit.record("Designation", d.id, "CREATE", null, view);
        return view;
    }

    @Transactional
    public DesignationView end(long id, String ifMatch, EndRequest r) {
        feed.lockForWrite();
        Designation d = find(id);
        scope.requireWrite(d.countyCode);
        Preconditions.requireMatch(ifMatch, d.version);
        DesignationView before = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        if (d.validTo != null) {
            throw ApiException.rule("already-ended", "Designation " + id + " already ended on " + d.validTo + "; use PUT (admin) to correct it");
        }
        if (!r.endDate().isAfter(d.validFrom)) {
            throw ApiException.rule("end-before-start", "endDate " + r.endDate() + " must be after validFrom " + d.validFrom)
                    .with("validFrom", d.validFrom.toString());
        }
        d.validTo = r.endDate();
        em.flush();
        DesignationView after = DesignationView.of(d, before.countyName());
        feed.append("DESIGNATION", d.id.toString(), "ENDED", d.validTo, payload(d, null));
        audit.record("Designation", d.id, "END", before, after, r.reason());
        return after;
    }

    @Transactional
    public DesignationView correct(long id, String ifMatch, Correction r) {
        feed.lockForWrite();
        Designation d = find(id);
        Preconditions.requireMatch(ifMatch, d.version);
        DesignationView before = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        checkDates(r.validFrom(), r.validTo());
        checkOverlap(d.typeCode, d.countyCode, r.validFrom(), r.validTo(), d.id);
        d.validFrom = r.validFrom();
        d.validTo = r.validTo();
        d.evidenceStatus = r.evidenceStatus();
        d.sourceRef = r.sourceRef();
        d.note = r.note();
        em.flush();
        DesignationView after = DesignationView.of(d, before.countyName());
        feed.append("DESIGNATION", d.id.toString(), "CORRECTED", d.validFrom, payload(d, null));
        audit.record("Designation", d.id, "CORRECT", before, after, r.reason());
        return after;
    }

    @Transactional
    public DesignationTypeView createType(NewType r) {
        feed.lockForWrite();
        if (DesignationType.findById(r.code()) != null) {
            throw ApiException.conflict("Designation type " + r.code() + " already exists").with("code", r.code());
        }
        DesignationType t = new DesignationType();
        t.code = r.code();
        t.nameZh = r.name();
        t.nameEn = r.nameEn();
        t.description = r.description();
        t.persist();
        em.flush();
        DesignationTypeView view = DesignationTypeView.of(t);
        audit.record("DesignationType", t.code, "CREATE", null, view);
        return view;
    }

    public static Designation find(long id) {
        Designation d = Designation.findById(id);
        if (d == null) {
            throw ApiException.notFound("Designation", id);
        }
        return d;
    }

    private static void checkDates(LocalDate from, LocalDate to) {
        if (to != null && !to.isAfter(from)) {
            throw ApiException.rule("end-before-start", "validTo " + to + " must be after validFrom " + from);
        }
    }

    private static void checkOverlap(String type, String county, LocalDate from, LocalDate to, Long except) {
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        Designation other = Designation.<Designation>find("typeCode = ?1 and countyCode = ?2 and validFrom < ?3 and (validTo is null or validTo > ?4)"
                        + (except == null ? "" : " and id <> ?5"),
                except == null ? new Object[]{type, county, end, from} : new Object[]{type, county, end, from, except})
                .firstResultOptional().orElse(null);
        if (other != null) {
            throw ApiException.conflict("County " + county + " already holds " + type + " over an overlapping period (designation "
                    + other.id + ", from " + other.validFrom + (other.validTo == null ? ", open-ended" : " to " + other.validTo) + ")")
                    .with("conflictingId", other.id);
        }
    }

    static Map<String, Object> payload(Designation d, DivisionChange change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id);
        m.put("typeCode", d.typeCode);
        m.put("countyCode", d.countyCode);
        m.put("validFrom", d.validFrom);
        m.put("validTo", d.validTo);
        m.put("evidenceStatus", d.evidenceStatus);
        m.put("sourceRef", d.sourceRef);
        m.put("note", d.note);
        m.put("version", d.version);
        if (change != null) {
            m.put("changeId", change.id);
            m.put("changeKind", change.kind);
        }
        return m;
    }
}
