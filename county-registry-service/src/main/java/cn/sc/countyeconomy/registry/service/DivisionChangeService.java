package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.registry.mapping.DivisionTypes;
import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionChange;
import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.mapping.PlaceNames;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a division change atomically: every check runs before anything is written (and the
 * whole change is one transaction), old versions close and new ones open on the effective date,
 * lineage links both ways, designations and category assignments carry over where asked, and one
 * feed event per effect.
 */
@ApplicationScoped
public class DivisionChangeService {

    public static final Set<String> KINDS = Set.of("RENAME", "RECODE", "UPGRADE", "TRANSFER", "MERGE", "SPLIT", "ABOLISH");
    public static final Set<String> COUNTY_TYPES = Set.of("DISTRICT", "COUNTY_LEVEL_CITY", "COUNTY", "AUTONOMOUS_COUNTY",
            "BANNER", "AUTONOMOUS_BANNER", "FORESTRY_DISTRICT", "SPECIAL_DISTRICT", "UNDIVIDED_PREFECTURE_CITY");

    @Schema(name = "DivisionChangeRequest", description = "A change of the division register. Per kind: RENAME (1 code, 1 successor "
            + "with the same code and a new name); RECODE (1 code, 1 successor with a new code); UPGRADE (1 code, 1 successor of type "
            + "DISTRICT or COUNTY_LEVEL_CITY, usually a new code and name); TRANSFER (1 code, 1 successor under another prefecture, same or "
            + "new code); MERGE (2 or more distinct codes, 1 successor: a new code or one of them, which absorbs the others); SPLIT (1 code, "
            + "2 or more successors, possibly including the code itself); ABOLISH (1 or more codes, no successor). Successor fields left out "
            + "are taken from the (first) source code.")
    public record DivisionChangeRequest(
            @NotBlank @Schema(enumeration = {"RENAME", "RECODE", "UPGRADE", "TRANSFER", "MERGE", "SPLIT", "ABOLISH"}, example = "UPGRADE") String kind,
            @NotNull @Schema(description = "Day the change takes effect; after the validFrom of every source's current version.", example = "2021-01-01") LocalDate effectiveDate,
            @NotEmpty @Size(max = 50) @Schema(description = "Codes of the county-level divisions the change takes as input.", example = "[\"513425\"]") List<@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String> fromCodes,
            @Valid @Size(max = 50) @Schema(description = "The divisions the change produces (empty for ABOLISH).") List<@NotNull @Valid Successor> successors,
            @Size(max = 2000) @Schema(description = "What happened, in words.") String description,
            @NotBlank @Size(max = 2000) @Schema(description = "Source: the approval or announcement.", example = "民政部 approval 2021") String source,
            @Schema(description = "Whether designations open on the effective date move to the successors (default false: they end).") Boolean carryOverDesignations,
            @Schema(description = "Whether category assignments (the latest up to the effective year, and later ones) are copied to the successors (default false).") Boolean carryOverCategories) {
    }

    @Schema(name = "DivisionChangeSuccessor")
    public record Successor(
            @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "513402") String code,
            @Size(min = 1, max = 100) @Schema(example = "会理市") String name,
            @Size(max = 200) @Schema(description = "English name; generated from the Chinese name when left out.") String nameEn,
            @Schema(example = "COUNTY_LEVEL_CITY") String type,
            @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") @Schema(example = "513400") String prefectureCode) {
    }

    @Schema(name = "DivisionChangeEffect", description = "One effect of a change, as it went to the change feed.")
    public record Effect(String entityType, String entityId, String action, long sequence) {
    }

    @Schema(name = "DivisionChange", description = "A division change with its effects.")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DivisionChangeView(long id, String kind, LocalDate effectiveDate, List<String> fromCodes, List<String> toCodes,
                                     String description, String source, @Schema(description = "When it was recorded (UTC, ISO-8601).") String recordedAt,
                                     @Schema(description = "Effects (present on the answer of the POST only).", nullable = true) List<Effect> effects,
                                     long version) {
        public static DivisionChangeView of(DivisionChange c, List<Effect> effects) {
            return new DivisionChangeView(c.id, c.kind, c.effectiveDate, c.from(), c.to(), c.description, c.source, c.recordedAt == null ? null : c.recordedAt.toString(), effects, c.version);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;

    private record Planned(String code, String name, String nameEn, String type, String prefectureCode, boolean continuing) {
    }

    @Transactional
    public DivisionChangeView apply(DivisionChangeRequest r) {
        feed.lockForWrite();
        String kind = r.kind().trim().toUpperCase();
        if (!KINDS.contains(kind)) {
            throw ApiException.validation("kind", "must be one of " + KINDS + ", was '" + r.kind() + "'");
        }
        LocalDate eff = r.effectiveDate();
        List<Successor> succ = r.successors() == null ? List.of() : r.successors();
        Set<String> distinctFrom = new LinkedHashSet<>(r.fromCodes());
        if (distinctFrom.size() != r.fromCodes().size()) {
            if ("MERGE".equals(kind)) {
                throw ApiException.rule("merge-into-itself", "A merge lists code(s) " + duplicates(r.fromCodes())
                        + " more than once: a division cannot be merged into itself");
            }
            throw ApiException.validation("fromCodes", "lists code(s) " + duplicates(r.fromCodes()) + " more than once");
        }
        // shape of the change per kind
        int nFrom = distinctFrom.size();
        int nTo = succ.size();
        switch (kind) {
            case "RENAME", "RECODE", "UPGRADE", "TRANSFER" -> {
                if (nFrom != 1 || nTo != 1) {
                    throw ApiException.validation("successors", kind + " takes exactly 1 code in fromCodes and 1 successor; got " + nFrom + " and " + nTo);
                }
            }
            case "MERGE" -> {
                if (nTo == 1 && nFrom == 1 && distinctFrom.contains(succ.get(0).code())) {
                    throw ApiException.rule("merge-into-itself", "Merging " + succ.get(0).code() + " into itself changes nothing");
                }
                if (nFrom < 2 || nTo != 1) {
                    throw ApiException.validation("fromCodes", "MERGE takes 2 or more codes and exactly 1 successor; got " + nFrom + " and " + nTo);
                }
            }
            case "SPLIT" -> {
                if (nFrom != 1 || nTo < 2) {
                    throw ApiException.validation("successors", "SPLIT takes exactly 1 code and 2 or more successors; got " + nFrom + " and " + nTo);
                }
            }
            case "ABOLISH" -> {
                if (nTo != 0) {
                    throw ApiException.validation("successors", "ABOLISH has no successors; got " + nTo);
                }
            }
            default -> throw new IllegalStateException(kind);
        }
        // the sources: current county-level versions that started before the effective date
        Map<String, Division> sources = new LinkedHashMap<>();
        for (String code : distinctFrom) {
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
        Division first = sources.values().iterator().next();
        // the successors, with defaults from the first source
        List<Planned> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < succ.size(); i++) {
            Successor s = succ.get(i);
            String field = "successors[" + i + "]";
            String code = s.code() != null ? s.code() : (Set.of("RENAME", "UPGRADE", "TRANSFER").contains(kind) ? first.code : null);
            if (code == null) {
                throw ApiException.validation(field + ".code", "is required for " + kind);
            }
            if (!seen.add(code)) {
                throw ApiException.validation(field + ".code", code + " appears twice among the successors");
            }
            boolean continuing = sources.containsKey(code);
            Division base = continuing ? sources.get(code) : first;
            String name = s.name() != null ? s.name().trim() : base.nameZh;
            String type = s.type() != null ? s.type() : (s.name() != null && !name.equals(base.nameZh) ? DivisionTypes.county(name) : base.type);
            String prefecture = s.prefectureCode() != null ? s.prefectureCode() : base.parentCode;
            String nameEn = s.nameEn() != null ? s.nameEn() : (name.equals(base.nameZh) ? base.nameEn : PlaceNames.english(name));
            if (!COUNTY_TYPES.contains(type)) {
                throw ApiException.validation(field + ".type", "must be one of " + COUNTY_TYPES + ", was '" + type + "'");
            }
            switch (kind) {
                case "RENAME" -> {
                    if (!continuing) {
                        throw ApiException.rule("rename-keeps-code", field + ".code: a RENAME keeps the code " + first.code + "; use RECODE to change it");
                    }
                    if (name.equals(base.nameZh)) {
                        throw ApiException.rule("no-change", field + ".name: " + code + " is already called " + name);
                    }
                }
                case "RECODE" -> {
                    if (continuing) {
                        throw ApiException.rule("recode-needs-new-code", field + ".code: a RECODE needs a code other than " + code);
                    }
                }
                case "UPGRADE" -> {
                    if (!Set.of("DISTRICT", "COUNTY_LEVEL_CITY").contains(type) || type.equals(base.type)) {
                        throw ApiException.rule("upgrade-needs-higher-type", field + ".type: an UPGRADE turns a " + base.type
                                + " into a DISTRICT or COUNTY_LEVEL_CITY; was " + type);
                    }
                }
                case "TRANSFER" -> {
                    if (prefecture.equals(base.parentCode)) {
                        throw ApiException.rule("transfer-needs-other-prefecture", field + ".prefectureCode: " + code
                                + " already belongs to " + prefecture);
                    }
                }
                default -> {
                }
            }
            Division pref = Division.on(prefecture, eff).orElse(null);
            if (pref == null || !Division.PREFECTURE.equals(pref.level)) {
                throw ApiException.rule("unknown-prefecture", field + ".prefectureCode: no prefecture " + prefecture + " is valid on " + eff)
                        .with("code", prefecture);
            }
            if (!continuing) {
                // a code may be reused only once every earlier use of it has ended by the effective date
                List<Division> clash = Division.list("code = ?1 and (validTo is null or validTo > ?2)", code, eff);
                if (!clash.isEmpty()) {
                    Division c = clash.get(0);
                    throw ApiException.conflict(field + ".code: code " + code + " is in use by " + c.nameZh + " (valid from " + c.validFrom
                            + (c.validTo == null ? ", still current" : " to " + c.validTo) + ") and cannot be given out from " + eff)
                            .with("code", code);
                }
            }
            planned.add(new Planned(code, name, nameEn, type, prefecture, continuing));
        }

        // all checks passed: write
        DivisionChange change = new DivisionChange();
        change.kind = kind;
        change.effectiveDate = eff;
        change.fromCodes = String.join(",", distinctFrom);
        change.toCodes = String.join(",", planned.stream().map(Planned::code).toList());
        change.description = r.description() != null ? r.description() : describe(kind, sources, planned);
        change.source = r.source();
        change.recordedAt = Instant.now();
        change.persist();

        List<ChangeFeed.Pending> events = new ArrayList<>();
        Set<String> continuingCodes = new HashSet<>();
        planned.stream().filter(Planned::continuing).forEach(p -> continuingCodes.add(p.code()));
        for (Division src : sources.values()) {
            src.validTo = eff;
            if (!continuingCodes.contains(src.code)) {
                events.add(new ChangeFeed.Pending("COUNTY", src.code, "RETIRED", eff, payload(src, change, "RETIRED")));
            }
        }
        em.flush();
        List<Division> opened = new ArrayList<>();
        for (Planned p : planned) {
            Division base = p.continuing() ? sources.get(p.code()) : first;
            Division d = base.successorVersion(eff);
            d.code = p.code();
            d.nameZh = p.name();
            d.nameEn = p.nameEn();
            d.type = p.type();
            d.parentCode = p.prefectureCode();
            d.regionCode = null;
            d.source = r.source();
            d.persist();
            opened.add(d);
            events.add(new ChangeFeed.Pending("COUNTY", d.code, p.continuing() ? "UPDATED" : "CREATED", eff, payload(d, change,
                    p.continuing() ? "UPDATED" : "CREATED")));
        }
        for (Division src : sources.values()) {
            for (Division to : opened) {
                if (!src.code.equals(to.code)) {
                    DivisionLineage l = new DivisionLineage();
                    l.changeId = change.id;
                    l.predecessorCode = src.code;
                    l.successorCode = to.code;
                    l.effectiveDate = eff;
                    l.persist();
                }
            }
        }
        em.flush();
        boolean carryDesignations = Boolean.TRUE.equals(r.carryOverDesignations());
        boolean carryCategories = Boolean.TRUE.equals(r.carryOverCategories());
        List<Division> targets = opened.stream().filter(d -> !continuingCodes.contains(d.code)).toList();
        for (Division src : sources.values()) {
            if (continuingCodes.contains(src.code)) {
                continue;
            }
            List<Designation> open = Designation.list("countyCode = ?1 and validFrom < ?2 and (validTo is null or validTo > ?2)", src.code, eff);
            for (Designation d : open) {
                LocalDate originalEnd = d.validTo;
                d.validTo = eff;
                em.flush();
                events.add(new ChangeFeed.Pending("DESIGNATION", d.id.toString(), "ENDED", eff, DesignationService.payload(d, change)));
                if (!carryDesignations) {
                    continue;
                }
                for (Division to : opened) {
                    if (to.code.equals(src.code)) {
                        continue;
                    }
                    long overlapping = Designation.count("typeCode = ?1 and countyCode = ?2 and validFrom < ?3 and (validTo is null or validTo > ?4)",
                            d.typeCode, to.code, originalEnd == null ? LocalDate.of(9999, 12, 31) : originalEnd, eff);
                    if (overlapping > 0) {
                        continue; // e.g. two merged counties held the same designation: the successor holds it once
                    }
                    Designation n = new Designation();
                    n.typeCode = d.typeCode;
                    n.countyCode = to.code;
                    n.validFrom = eff;
                    n.validTo = originalEnd;
                    n.evidenceStatus = d.evidenceStatus;
                    n.sourceRef = d.sourceRef;
                    n.note = "Carried over from " + src.code + " (" + src.nameZh + ") by division change " + change.id
                            + (d.note == null ? "" : ". " + d.note);
                    n.persist();
                    em.flush();
                    events.add(new ChangeFeed.Pending("DESIGNATION", n.id.toString(), "CREATED", eff, DesignationService.payload(n, change)));
                }
            }
            if (carryCategories) {
                Integer fromYear = CategoryAssignment.<CategoryAssignment>find("countyCode = ?1 and endedOn is null and year <= ?2 order by year desc",
                        src.code, eff.getYear()).firstResultOptional().map(a -> a.year).orElse(eff.getYear());
                List<CategoryAssignment> assignments = CategoryAssignment.list("countyCode = ?1 and endedOn is null and year >= ?2 order by year",
                        src.code, fromYear);
                for (CategoryAssignment a : assignments) {
                    for (Division to : targets) {
                        if (to.code.equals(src.code) || CategoryAssignment.count("countyCode = ?1 and year = ?2 and endedOn is null", to.code, a.year) > 0) {
                            continue;
                        }
                        CategoryAssignment n = new CategoryAssignment();
                        n.countyCode = to.code;
                        n.year = a.year;
                        n.categoryCode = a.categoryCode;
                        n.source = "Carried over from " + src.code + " by division change " + change.id + "; originally: " + a.source;
                        n.persist();
                        em.flush();
                        events.add(new ChangeFeed.Pending("CATEGORY_ASSIGNMENT", n.id.toString(), "CREATED", eff,
                                CategoryService.payload(n, change)));
                    }
                }
            }
        }
        long last = feed.appendAll(events);
        List<Effect> effects = new ArrayList<>();
        long seq = last - events.size() + 1;
        for (ChangeFeed.Pending e : events) {
            effects.add(new Effect(e.entityType(), e.entityId(), e.action(), seq++));
        }
        DivisionChangeView view = DivisionChangeView.of(change, effects);
        audit.record("DivisionChange", change.id, "CREATE", null, view);
        return view;
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


    private static String describe(String kind, Map<String, Division> sources, List<Planned> planned) {
        String from = String.join("、", sources.values().stream().map(d -> d.nameZh + " " + d.code).toList());
        String to = String.join("、", planned.stream().map(p -> p.name() + " " + p.code()).toList());
        return kind + ": " + from + (to.isEmpty() ? " abolished" : " -> " + to);
    }

    private static List<String> duplicates(List<String> codes) {
        Set<String> seen = new HashSet<>();
        Set<String> dup = new LinkedHashSet<>();
        codes.forEach(c -> {
            if (!seen.add(c)) {
                dup.add(c);
            }
        });
        return new ArrayList<>(dup);
    }
}
