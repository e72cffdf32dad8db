package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.api.DivisionChangeEffect;
import cn.sc.countyeconomy.registry.api.DivisionChangeSuccessor;
import cn.sc.countyeconomy.registry.api.DivisionChangeView;
import cn.sc.countyeconomy.registry.api.NewDivisionChange;
import cn.sc.countyeconomy.registry.naming.DivisionTypes;
import cn.sc.countyeconomy.registry.naming.PlaceNames;
import cn.sc.countyeconomy.registry.service.DivisionChangeKind.Planned;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a division change atomically: every check runs before anything is written (and the
 * whole change is one transaction), old versions close and new ones open on the effective date,
 * lineage links both ways, the sources' designations and category assignments end or go to the
 * successors ({@link DivisionHandOver}), and one feed event per effect. The rules of each kind are in {@link DivisionChangeKind}.
 */
@ApplicationScoped
public class DivisionChangeService {

    static final SortFields SORT = SortFields.of("effectiveDate", "effectiveDate", "id", "id");

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public PageResult<DivisionChangeView> list(PageParams paging) {
        return PageResult.of(DivisionChange.findAll(SORT.panache(paging.rawSort())), paging, (DivisionChange c) -> DivisionChangeView.of(c, null));
    }

    public DivisionChangeView get(long id) {
        DivisionChange c = DivisionChange.findById(id);
        if (c == null) {
            throw ApiException.notFound("Division change", id);
        }
        return DivisionChangeView.of(c, null);
    }

    @Transactional
    public DivisionChangeView apply(NewDivisionChange r) {
        feed.lockForWrite();
        DivisionChangeKind kind = DivisionChangeKind.parse(r.kind());
        LocalDate eff = r.effectiveDate();
        List<DivisionChangeSuccessor> successors = r.successors() == null ? List.of() : r.successors();
        Set<String> from = kind.sources(r.fromCodes());
        kind.checkShape(from, successors);
        Map<String, Division> sources = currentSources(from, eff);
        List<Planned> planned = plan(kind, successors, sources, eff);

        // all checks passed: write
        DivisionChange change = record(kind, r, sources, planned);
        Effects effects = new Effects(change, eff);
        List<Division> opened = replaceVersions(effects, sources, planned, r.source());
        linkLineage(change, sources, opened);
        new DivisionHandOver(em, effects, !Boolean.FALSE.equals(r.carryOverDesignations()), !Boolean.FALSE.equals(r.carryOverCategories()))
                .apply(kind, sources, opened);
        DivisionChangeView view = DivisionChangeView.of(change, effects.publish(feed));
        audit.record("DivisionChange", change.id, "CREATE", null, view);
        return view;
    }

    /** The current county-level version of each source code, each started before the effective date. */
    private static Map<String, Division> currentSources(Set<String> codes, LocalDate eff) {
        Map<String, Division> sources = new LinkedHashMap<>();
        for (String code : codes) {
            List<Division> versions = Division.versions(code);
            if (versions.isEmpty()) {
                throw ApiException.rule("unknown-code", "fromCodes: no division with code " + code + " exists").with("code", code);
            }
            Division current = versions.stream().filter(v -> v.validTo == null).findFirst().orElse(null);
            if (current == null) {
                throw ApiException.conflict("fromCodes: division " + code + " (" + versions.get(versions.size() - 1).nameZh
                        + ") was already retired on " + versions.get(versions.size() - 1).validTo).with("code", code);
            }
            if (!Division.COUNTY.equals(current.level)) {
                throw ApiException.rule("not-county-level", "fromCodes: " + code + " is a " + current.level.toLowerCase()
                        + "; division changes here apply to county-level divisions").with("code", code);
            }
            if (!eff.isAfter(current.validFrom)) {
                throw ApiException.rule("effective-date-not-after-current-version", "effectiveDate " + eff + " must be after "
                        + current.validFrom + ", the start of the current version of " + code).with("code", code);
            }
            sources.put(code, current);
        }
        return sources;
    }

    /** The successors as they will open, with defaults from the (first) source, each checked. */
    private static List<Planned> plan(DivisionChangeKind kind, List<DivisionChangeSuccessor> successors, Map<String, Division> sources,
            LocalDate eff) {
        Division first = sources.values().iterator().next();
        List<Planned> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < successors.size(); i++) {
            String field = "successors[" + i + "]";
            Planned p = planSuccessor(kind, field, successors.get(i), sources, first);
            if (!seen.add(p.code())) {
                throw ApiException.validation(field + ".code", p.code() + " appears twice among the successors");
            }
            checkSuccessor(kind, field, p, sources.getOrDefault(p.code(), first), first, eff);
            planned.add(p);
        }
        return planned;
    }

    private static Planned planSuccessor(DivisionChangeKind kind, String field, DivisionChangeSuccessor s, Map<String, Division> sources,
            Division first) {
        String code = s.code() != null ? s.code() : (kind.keepsCode ? first.code : null);
        if (code == null) {
            throw ApiException.validation(field + ".code", "is required for " + kind);
        }
        boolean continuing = sources.containsKey(code);
        Division base = continuing ? sources.get(code) : first;
        String name = s.name() != null ? s.name().trim() : base.nameZh;
        String type = s.type() != null ? s.type() : (s.name() != null && !name.equals(base.nameZh) ? DivisionTypes.county(name) : base.type);
        String prefecture = s.prefectureCode() != null ? s.prefectureCode() : base.parentCode;
        String nameEn = s.nameEn() != null ? s.nameEn() : (name.equals(base.nameZh) ? base.nameEn : PlaceNames.english(name));
        return new Planned(code, name, nameEn, type, prefecture, continuing);
    }

    private static void checkSuccessor(DivisionChangeKind kind, String field, Planned p, Division base, Division first, LocalDate eff) {
        if (!DivisionTypes.COUNTY_TYPES.contains(p.type())) {
            throw ApiException.validation(field + ".type", "must be one of " + DivisionTypes.COUNTY_TYPES + ", was '" + p.type() + "'");
        }
        kind.checkSuccessor(field, p, base, first);
        Division pref = Division.on(p.prefectureCode(), eff).orElse(null);
        if (pref == null || !Division.PREFECTURE.equals(pref.level)) {
            throw ApiException.rule("unknown-prefecture", field + ".prefectureCode: no prefecture " + p.prefectureCode() + " is valid on " + eff)
                    .with("code", p.prefectureCode());
        }
        if (!p.continuing()) {
            // a code may be reused only once every earlier use of it has ended by the effective date
            List<Division> clash = Filter.where().eq("code", p.code()).overlaps("validFrom", "validTo", eff, null)
                    .list(Division.class, Sort.by("validFrom"));
            if (!clash.isEmpty()) {
                Division c = clash.get(0);
                throw ApiException.conflict(field + ".code: code " + p.code() + " is in use by " + c.nameZh + " (valid from " + c.validFrom
                        + (c.validTo == null ? ", still current" : " to " + c.validTo) + ") and cannot be given out from " + eff)
                        .with("code", p.code());
            }
        }
    }

    private DivisionChange record(DivisionChangeKind kind, NewDivisionChange r, Map<String, Division> sources, List<Planned> planned) {
        DivisionChange change = new DivisionChange();
        change.kind = kind.name();
        change.effectiveDate = r.effectiveDate();
        change.fromCodes = String.join(",", sources.keySet());
        change.toCodes = String.join(",", planned.stream().map(Planned::code).toList());
        change.description = r.description() != null ? r.description() : describe(kind, sources, planned);
        change.source = r.source();
        change.recordedAt = Instant.now(clock);
        change.persist();
        return change;
    }

    /** Closes the sources' versions on the effective date and opens the successors' versions. */
    private List<Division> replaceVersions(Effects effects, Map<String, Division> sources, List<Planned> planned, String source) {
        Set<String> continuing = new HashSet<>();
        planned.stream().filter(Planned::continuing).forEach(p -> continuing.add(p.code()));
        for (Division src : sources.values()) {
            src.validTo = effects.date;
            if (!continuing.contains(src.code)) {
                effects.add("COUNTY", src.code, "RETIRED", payload(src, effects.change, "RETIRED"));
            }
        }
        em.flush();
        Division first = sources.values().iterator().next();
        List<Division> opened = new ArrayList<>();
        for (Planned p : planned) {
            Division d = (p.continuing() ? sources.get(p.code()) : first).successorVersion(effects.date, source);
            d.code = p.code();
            d.nameZh = p.name();
            d.nameEn = p.nameEn();
            d.type = p.type();
            d.parentCode = p.prefectureCode();
            d.regionCode = null;
            d.source = source;
            d.persist();
            opened.add(d);
            String action = p.continuing() ? "UPDATED" : "CREATED";
            effects.add("COUNTY", d.code, action, payload(d, effects.change, action));
        }
        return opened;
    }

    private void linkLineage(DivisionChange change, Map<String, Division> sources, List<Division> opened) {
        for (Division src : sources.values()) {
            for (Division to : opened) {
                if (!src.code.equals(to.code)) {
                    DivisionLineage l = new DivisionLineage();
                    l.changeId = change.id;
                    l.predecessorCode = src.code;
                    l.successorCode = to.code;
                    l.effectiveDate = change.effectiveDate;
                    l.persist();
                }
            }
        }
        em.flush();
    }

    static Map<String, Object> payload(Division d, DivisionChange change, String action) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", d.code);
        m.put("name", d.nameZh);
        m.put("nameEn", d.nameEn);
        m.put("level", d.level);
        m.put("type", d.type);
        m.put("prefectureCode", d.parentCode);
        m.put("validFrom", d.validFrom);
        m.put("validTo", d.validTo);
        m.put("version", d.version);
        if (change != null) {
            m.put("changeId", change.id);
            m.put("changeKind", change.kind);
            m.put("fromCodes", change.from());
            m.put("toCodes", change.to());
        }
        return m;
    }

    private static String describe(DivisionChangeKind kind, Map<String, Division> sources, List<Planned> planned) {
        String from = String.join("、", sources.values().stream().map(d -> d.nameZh + " " + d.code).toList());
        String to = String.join("、", planned.stream().map(p -> p.name() + " " + p.code()).toList());
        return kind + ": " + from + (to.isEmpty() ? " abolished" : " -> " + to);
    }

    /** The feed events of one change, in the order its effects happened. */
    static final class Effects {

        final DivisionChange change;
        final LocalDate date;
        final List<ChangeFeed.Pending> events = new ArrayList<>();

        Effects(DivisionChange change, LocalDate date) {
            this.change = change;
            this.date = date;
        }

        void add(String entityType, String entityId, String action, Object payload) {
            events.add(new ChangeFeed.Pending(entityType, entityId, action, date, payload));
        }

        /** Appends the events to the feed; answers each effect with its sequence. */
        List<DivisionChangeEffect> publish(ChangeFeed feed) {
            long seq = feed.appendAll(events) - events.size() + 1;
            List<DivisionChangeEffect> effects = new ArrayList<>();
            for (ChangeFeed.Pending e : events) {
                effects.add(new DivisionChangeEffect(e.entityType(), e.entityId(), e.action(), seq++));
            }
            return effects;
        }
    }
}
