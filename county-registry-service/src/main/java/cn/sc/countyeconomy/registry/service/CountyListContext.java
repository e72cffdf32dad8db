package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.registry.AssessmentCategory;
import cn.sc.countyeconomy.registry.CategoryAssignment;
import cn.sc.countyeconomy.registry.Designation;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.DivisionLineage;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.api.CategoryRef;
import cn.sc.countyeconomy.registry.api.CodeName;
import cn.sc.countyeconomy.registry.api.CountyListFilter;
import cn.sc.countyeconomy.registry.api.CountyView;
import cn.sc.countyeconomy.registry.api.DesignationView;
import cn.sc.countyeconomy.registry.naming.PlaceNames;
import io.quarkus.panache.common.Sort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the list needs besides the counties, each read once for the whole list. */
record CountyListContext(LocalDate asOf, Map<String, Division> prefectures, Map<String, Region> regions,
        Map<String, List<Designation>> designations, Map<String, CategoryAssignment> categories,
        Map<String, String> categoryNames, Map<String, List<DivisionLineage>> predsOf,
        Map<String, List<DivisionLineage>> succsOf, CountyReads.Names names) {

    static CountyListContext load(LocalDate asOf, Integer year) {
        Map<String, Division> prefectures = CountyReads.byCode(CountyReads.validOn(asOf, Division.PREFECTURE));
        Map<String, Region> regions = Region.<Region>listAll().stream().collect(Collectors.toMap(r -> r.code, r -> r));
        Map<String, List<Designation>> designations = Filter.where().validOn("validFrom", "validTo", asOf)
                .list(Designation.class, Sort.by("typeCode")).stream().collect(Collectors.groupingBy(d -> d.countyCode));
        Map<String, CategoryAssignment> categories = new HashMap<>();
        Filter assignments = Filter.where().isNull("endedOn", true);
        assignments = year != null ? assignments.eq("year", year) : assignments.range("year", null, asOf.getYear());
        for (CategoryAssignment a : assignments.list(CategoryAssignment.class, null)) {
            categories.merge(a.countyCode, a, (x, y) -> x.year >= y.year ? x : y);
        }
        Map<String, String> categoryNames = AssessmentCategory.<AssessmentCategory>listAll().stream()
                .collect(Collectors.toMap(c -> c.code, c -> c.nameZh));
        List<DivisionLineage> lineage = DivisionLineage.listAll();
        Map<String, List<DivisionLineage>> predsOf = lineage.stream().filter(l -> !l.effectiveDate.isAfter(asOf))
                .collect(Collectors.groupingBy(l -> l.successorCode));
        Map<String, List<DivisionLineage>> succsOf = lineage.stream().filter(l -> !l.effectiveDate.isAfter(asOf))
                .collect(Collectors.groupingBy(l -> l.predecessorCode));
        return new CountyListContext(asOf, prefectures, regions, designations, categories, categoryNames, predsOf, succsOf,
                new CountyReads.Names(CountyReads.lineageCodes(lineage, List.of())));
    }

    Division prefectureOf(Division c) {
        return c.parentCode == null ? null : prefectures.get(c.parentCode);
    }

    Region regionOf(Division c) {
        Division p = prefectureOf(c);
        return p == null || p.regionCode == null ? null : regions.get(p.regionCode);
    }

    boolean matches(Division c, CountyListFilter f, String nameKey) {
        Division p = prefectureOf(c);
        Region r = regionOf(c);
        CategoryAssignment ca = categories.get(c.code);
        return (f.prefecture() == null || f.prefecture().equals(c.parentCode))
                && (f.province() == null || f.province().equals(p == null ? c.parentCode : p.parentCode))
                && (f.region() == null || (r != null && f.region().equals(r.code)))
                && (f.type() == null || f.type().equals(c.type))
                && (f.category() == null || (ca != null && f.category().equals(ca.categoryCode)))
                && (f.designation() == null || designations.getOrDefault(c.code, List.of()).stream().anyMatch(d -> d.typeCode.equals(f.designation())))
                && (nameKey == null || c.nameZh.contains(f.name().trim()) || PlaceNames.searchKey(c.nameEn).contains(nameKey));
    }

    CountyView view(Division c) {
        Division p = prefectureOf(c);
        Region r = regionOf(c);
        CategoryAssignment ca = categories.get(c.code);
        return new CountyView(c.code, c.nameZh, c.nameEn, c.level, c.type, c.parentCode, p == null ? null : p.nameZh,
                r == null ? null : r.code, r == null ? null : r.nameZh, c.validFrom, c.validTo, c.validFromKnown(), c.validFromSource,
                c.recordedSince, c.assumedOn(asOf) ? CountyView.ASSUMED_UNCHANGED_SINCE : CountyView.RECORDED, "ACTIVE",
                succsOf.getOrDefault(c.code, List.of()).stream()
                        .map(l -> new CodeName(l.successorCode, names.on(l.successorCode, l.effectiveDate))).distinct().toList(),
                predsOf.getOrDefault(c.code, List.of()).stream()
                        .map(l -> new CodeName(l.predecessorCode, names.on(l.predecessorCode, l.effectiveDate.minusDays(1)))).distinct().toList(),
                null,
                ca == null ? null : new CategoryRef(ca.year, ca.categoryCode, categoryNames.get(ca.categoryCode)),
                designations.getOrDefault(c.code, List.of()).stream().map(d -> DesignationView.of(d, c.nameZh)).toList(),
                c.source, c.version);
    }
}
