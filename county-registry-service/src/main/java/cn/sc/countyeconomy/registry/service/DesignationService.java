package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.DesignationType;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.api.DesignationTypeView;
import cn.sc.countyeconomy.registry.api.DesignationUpdate;
import cn.sc.countyeconomy.registry.api.DesignationView;
import cn.sc.countyeconomy.registry.api.EndDesignation;
import cn.sc.countyeconomy.registry.api.NewDesignation;
import cn.sc.countyeconomy.registry.api.NewDesignationType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Designations and their types: add, end, correct; each write audited and in the change feed. */
@ApplicationScoped
public class DesignationService {

    static final SortFields SORT = SortFields.of("id", "id", "typeCode", "typeCode", "countyCode", "countyCode", "validFrom", "validFrom");
    static final SortFields TYPE_SORT = SortFields.of("code", "code");

    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    ReadCache cache;

    @Transactional
    public DesignationView create(NewDesignation r) {
        feed.lockForWrite();
        if (DesignationType.findById(r.typeCode()) == null) {
            throw ApiException.rule("unknown-designation-type", "typeCode: no designation type '" + r.typeCode() + "'; see GET /api/v1/designation-types")
                    .with("typeCode", r.typeCode());
        }
        CountyLife life = CountyLife.of(r.countyCode());
        if (!life.covers(r.validFrom(), r.validFrom().plusDays(1))) {
            throw ApiException.rule("county-not-active", "countyCode: county " + r.countyCode() + " is not ACTIVE on validFrom " + r.validFrom())
                    .with("countyCode", r.countyCode());
        }
        checkDates(r.validFrom(), r.validTo());
        life.requireCovers(r.validFrom(), r.validTo());
        checkOverlap(r.typeCode(), r.countyCode(), r.sourceOrDefault(), r.validFrom(), r.validTo(), null);
        Designation d = new Designation();
        d.typeCode = r.typeCode();
        d.countyCode = r.countyCode();
        d.validFrom = r.validFrom();
        d.validTo = r.validTo();
        d.evidenceStatus = r.evidenceStatus();
        d.sourceRef = r.sourceRef();
        d.note = r.note();
        d.source = r.sourceOrDefault();
        d.persist();
        em.flush();
        DesignationView view = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        feed.append("DESIGNATION", d.id.toString(), "CREATED", d.validFrom, payload(d, null));
        audit.record("Designation", d.id, "CREATE", null, view);
        return view;
    }

    @Transactional
    public DesignationView end(long id, String ifMatch, EndDesignation r) {
        feed.lockForWrite();
        Designation d = find(id);
        Preconditions.requireMatch(ifMatch, d.version);
        DesignationView before = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        // a planned end (validTo set when it was recorded, e.g. a programme's deadline) may be brought
        // forward; an end on or before the requested date is already in place
        if (d.validTo != null && !r.endDate().isBefore(d.validTo)) {
            throw ApiException.rule("already-ended", "Designation " + id + " already ends on " + d.validTo + ", not after " + r.endDate()
                    + "; use PUT (admin) to correct it").with("validTo", d.validTo.toString());
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
    public DesignationView correct(long id, String ifMatch, DesignationUpdate r) {
        feed.lockForWrite();
        Designation d = find(id);
        Preconditions.requireMatch(ifMatch, d.version);
        DesignationView before = DesignationView.of(d, CountyReads.latestName(d.countyCode));
        checkDates(r.validFrom(), r.validTo());
        CountyLife.of(d.countyCode).requireCovers(r.validFrom(), r.validTo());
        checkOverlap(d.typeCode, d.countyCode, d.source, r.validFrom(), r.validTo(), d.id);
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
    public DesignationTypeView createType(NewDesignationType r) {
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

    /** Designations filtered by type, county and source, and active on asOf when given (null: any); three queries a page. */
    public PageResult<DesignationView> list(String type, String county, String source, LocalDate asOf, PageParams paging) {
        Filter f = Filter.where().eq("typeCode", type).eq("countyCode", county).eq("source", source).validOn("validFrom", "validTo", asOf);
        return cache.list(List.of("designations", Arrays.asList(type, county, source, asOf), paging.page(), paging.size(),
                List.copyOf(paging.rawSort())), () -> {
                    PageResult<Designation> rows = PageResult.of(f.find(Designation.class, SORT.panache(paging.rawSort())), paging, d -> d);
                    Map<String, String> names = CountyReads.latestNames(rows.items().stream().map(d -> d.countyCode).toList());
                    return new PageResult<>(rows.items().stream().map(d -> DesignationView.of(d, names.get(d.countyCode))).toList(), rows.page(),
                            rows.size(), rows.totalItems(), rows.totalPages());
                });
    }

    public DesignationView get(long id) {
        Designation d = find(id);
        return DesignationView.of(d, CountyReads.latestName(d.countyCode));
    }

    public PageResult<DesignationTypeView> types(PageParams paging) {
        return PageResult.of(DesignationType.findAll(TYPE_SORT.panache(paging.rawSort())), paging, DesignationTypeView::of);
    }

    public DesignationTypeView type(String code) {
        DesignationType t = DesignationType.findById(code);
        if (t == null) {
            throw ApiException.notFound("Designation type", code);
        }
        return DesignationTypeView.of(t);
    }

    static Designation find(long id) {
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

    /** Only designations of the same source exclude each other: another programme's may overlap. */
    private static void checkOverlap(String type, String county, String source, LocalDate from, LocalDate to, Long except) {
        Designation other = Filter.where().eq("typeCode", type).eq("countyCode", county).eq("source", source)
                .overlaps("validFrom", "validTo", from, to)
                .list(Designation.class, Sort.by("id")).stream().filter(d -> !d.id.equals(except)).findFirst().orElse(null);
        if (other != null) {
            throw ApiException.conflict("County " + county + " already holds " + type + " from source " + source
                    + " over an overlapping period (designation " + other.id + ", from " + other.validFrom
                    + (other.validTo == null ? ", open-ended" : " to " + other.validTo) + ")")
                    .with("conflictingId", other.id).with("source", source);
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
        m.put("source", d.source);
        m.put("version", d.version);
        if (change != null) {
            m.put("changeId", change.id);
            m.put("changeKind", change.kind);
        }
        return m;
    }
}
