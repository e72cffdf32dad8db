package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a division change does to the category assignments and designations of its source codes,
 * in the change's transaction, each effect a feed event (the rules, per kind, are in the README):
 * <ul>
 * <li>A code that continues (RENAME, UPGRADE or TRANSFER keeping the code, the absorbing code of a
 * MERGE, the original of a SPLIT) keeps what it holds.</li>
 * <li>A retired code ends its designations in force on the effective date, and the heirs (its
 * successors) hold them from that date to their planned end; a designation of a retired code that
 * would only start on or after the effective date never held on a day of that code's life: it is
 * handed to the heirs with its dates and deleted from the retired code.</li>
 * <li>Category assignments of the years from the effective date's year on go to the heirs (a year
 * belongs to the code that exists at its end); earlier years stay with the retired code, since a
 * successor did not exist then. A retired code's assignments of those years end on the effective
 * date (they stay visible with their end). A MERGE hands a year over only when every retired code
 * held the same category for it, and an heir that already holds a year keeps its own.</li>
 * <li>The new parts of a SPLIT that keeps the original code take over the original's designations
 * from the effective date and its categories from that year on, as heirs of a retired code do.</li>
 * </ul>
 * With {@code carryOverDesignations} or {@code carryOverCategories} false, nothing goes to the
 * heirs; the retired code's still end (or, starting later, are deleted).
 */
final class DivisionHandOver {

    private final EntityManager em;
    private final DivisionChangeService.Effects effects;
    private final boolean carryDesignations;
    private final boolean carryCategories;

    DivisionHandOver(EntityManager em, DivisionChangeService.Effects effects, boolean carryDesignations, boolean carryCategories) {
        this.em = em;
        this.effects = effects;
        this.carryDesignations = carryDesignations;
        this.carryCategories = carryCategories;
    }

    void apply(DivisionChangeKind kind, Map<String, Division> sources, List<Division> opened) {
        Set<String> openedCodes = new HashSet<>();
        opened.forEach(d -> openedCodes.add(d.code));
        List<Division> retired = sources.values().stream().filter(s -> !openedCodes.contains(s.code)).toList();
        Map<Integer, String> agreed = kind == DivisionChangeKind.MERGE ? agreedCategories(retired) : null;
        for (Division src : sources.values()) {
            boolean retires = !openedCodes.contains(src.code);
            List<Division> heirs = opened.stream().filter(d -> retires || !sources.containsKey(d.code)).toList();
            if (!retires && heirs.isEmpty()) {
                continue;
            }
            designations(src, retires, heirs);
            categories(src, retires, heirs, agreed);
        }
    }

    private void designations(Division src, boolean retires, List<Division> heirs) {
        LocalDate eff = effects.date;
        List<Designation> current = Filter.where().eq("countyCode", src.code).overlaps("validFrom", "validTo", eff, null)
                .list(Designation.class, Sort.by("id"));
        for (Designation d : current) {
            LocalDate from = d.validFrom.isBefore(eff) ? eff : d.validFrom;
            LocalDate to = d.validTo;
            if (carryDesignations) {
                for (Division heir : heirs) {
                    copy(d, src, heir, from, to);
                }
            }
            if (!retires) {
                continue;
            }
            if (d.validFrom.isBefore(eff)) {
                d.validTo = eff;
                em.flush();
                effects.add("DESIGNATION", d.id.toString(), "ENDED", DesignationService.payload(d, effects.change));
            } else {
                Map<String, Object> payload = DesignationService.payload(d, effects.change);
                payload.put("reason", "starts on or after the retirement of " + src.code + " by division change " + effects.change.id);
                d.delete();
                em.flush();
                effects.add("DESIGNATION", d.id.toString(), "DELETED", payload);
            }
        }
    }

    private void copy(Designation d, Division src, Division heir, LocalDate from, LocalDate to) {
        long overlapping = Filter.where().eq("typeCode", d.typeCode).eq("countyCode", heir.code).eq("source", d.source)
                .overlaps("validFrom", "validTo", from, to).count(Designation.class);
        if (overlapping > 0) {
            return; // e.g. two merged counties held the same designation: the successor holds it once
        }
        Designation n = new Designation();
        n.typeCode = d.typeCode;
        n.countyCode = heir.code;
        n.validFrom = from;
        n.validTo = to;
        n.evidenceStatus = d.evidenceStatus;
        n.sourceRef = d.sourceRef;
        n.source = d.source;
        n.note = "Carried over from " + src.code + " (" + src.nameZh + ") by division change " + effects.change.id
                + (d.note == null ? "" : ". " + d.note);
        n.persist();
        em.flush();
        effects.add("DESIGNATION", n.id.toString(), "CREATED", DesignationService.payload(n, effects.change));
    }

    private void categories(Division src, boolean retires, List<Division> heirs, Map<Integer, String> agreed) {
        int fromYear = effects.date.getYear();
        List<CategoryAssignment> assignments = CategoryAssignment.list("countyCode = ?1 and endedOn is null and year >= ?2 order by year",
                src.code, fromYear);
        for (CategoryAssignment a : assignments) {
            String category = agreed == null ? a.categoryCode : agreed.get(a.year);
            if (carryCategories && category != null) {
                for (Division heir : heirs) {
                    assign(heir, a, category, src);
                }
            }
            if (retires) {
                a.endedOn = effects.date;
                a.endReason = "division change " + effects.change.id + " (" + effects.change.kind + ", effective " + effects.date + ") retired "
                        + src.code + "; years from " + fromYear + " on belong to its successors";
                em.flush();
                effects.add("CATEGORY_ASSIGNMENT", a.id.toString(), "ENDED", CategoryService.payload(a, effects.change));
            }
        }
    }

    private void assign(Division heir, CategoryAssignment a, String category, Division src) {
        if (CategoryAssignment.count("countyCode = ?1 and year = ?2 and endedOn is null", heir.code, a.year) > 0) {
            return; // the heir holds that year already: it keeps its own
        }
        CategoryAssignment n = new CategoryAssignment();
        n.countyCode = heir.code;
        n.year = a.year;
        n.categoryCode = category;
        n.source = "Carried over from " + src.code + " by division change " + effects.change.id + "; originally: " + a.source;
        n.persist();
        em.flush();
        effects.add("CATEGORY_ASSIGNMENT", n.id.toString(), "CREATED", CategoryService.payload(n, effects.change));
    }

    /** For a merge: the category of each year that every retired code held, when they all held the same one. */
    private Map<Integer, String> agreedCategories(List<Division> retired) {
        int fromYear = effects.date.getYear();
        Map<Integer, String> agreed = new HashMap<>();
        Map<Integer, Integer> holders = new HashMap<>();
        Set<Integer> disputed = new HashSet<>();
        for (Division r : retired) {
            for (CategoryAssignment a : CategoryAssignment.<CategoryAssignment>list("countyCode = ?1 and endedOn is null and year >= ?2",
                    r.code, fromYear)) {
                String before = agreed.putIfAbsent(a.year, a.categoryCode);
                if (before != null && !Objects.equals(before, a.categoryCode)) {
                    disputed.add(a.year);
                }
                holders.merge(a.year, 1, Integer::sum);
            }
        }
        agreed.keySet().removeIf(y -> disputed.contains(y) || holders.get(y) < retired.size());
        return agreed;
    }
}
