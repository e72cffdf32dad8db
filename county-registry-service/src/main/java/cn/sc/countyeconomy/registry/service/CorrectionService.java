package cn.sc.countyeconomy.registry.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.registry.Division;
import cn.sc.countyeconomy.registry.Region;
import cn.sc.countyeconomy.registry.api.CountyUpdate;
import cn.sc.countyeconomy.registry.api.CountyView;
import cn.sc.countyeconomy.registry.api.PrefectureUpdate;
import cn.sc.countyeconomy.registry.api.PrefectureView;
import cn.sc.countyeconomy.registry.naming.DivisionTypes;
import cn.sc.countyeconomy.registry.naming.PlaceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Map;

/**
 * Corrections of recorded facts (a misspelt name, a wrong type or region) in place, on the version
 * valid on a date: not a change of the register (that is a division change, with a new version).
 */
@ApplicationScoped
public class CorrectionService {

    @Inject
    ChangeFeed feed;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    CountyReads counties;
    @Inject
    PrefectureReads prefectures;

    /** Corrects the county version valid on asOf (null: the current one); answers the county as of asOf (or the version's start). */
    @Transactional
    public CountyView correctCounty(String code, LocalDate asOf, String ifMatch, CountyUpdate r) {
        feed.lockForWrite();
        Division d = version(code, asOf, Division.COUNTY, "County");
        Preconditions.requireMatch(ifMatch, d.version);
        Map<String, Object> before = DivisionChangeService.payload(d, null, null);
        if (r.type() != null && !DivisionTypes.COUNTY_TYPES.contains(r.type())) {
            throw ApiException.validation("type", "must be one of " + DivisionTypes.COUNTY_TYPES + ", was '" + r.type() + "'");
        }
        if (r.name() != null && !r.name().equals(d.nameZh)) {
            d.nameZh = r.name().trim();
            if (r.nameEn() == null) {
                d.nameEn = PlaceNames.english(d.nameZh);
            }
        }
        if (r.nameEn() != null) {
            d.nameEn = r.nameEn().trim();
        }
        if (r.type() != null) {
            d.type = r.type();
        }
        if (r.source() != null) {
            d.source = r.source();
        }
        em.flush();
        Map<String, Object> after = DivisionChangeService.payload(d, null, null);
        feed.append("COUNTY", d.code, "CORRECTED", d.validFrom, after);
        audit.record("County", d.code, "CORRECT", before, after, r.reason());
        return counties.one(code, asOf == null ? d.validFrom : asOf);
    }

    @Transactional
    public PrefectureView correctPrefecture(String code, LocalDate asOf, String ifMatch, PrefectureUpdate r) {
        feed.lockForWrite();
        Division d = version(code, asOf, Division.PREFECTURE, "Prefecture");
        Preconditions.requireMatch(ifMatch, d.version);
        Map<String, Object> before = prefecturePayload(d);
        if (r.regionCode() != null) {
            if (r.regionCode().isEmpty()) {
                d.regionCode = null;
            } else {
                Region region = Region.findById(r.regionCode());
                if (region == null) {
                    throw ApiException.rule("unknown-region", "regionCode: no economic region '" + r.regionCode() + "'").with("regionCode", r.regionCode());
                }
                d.regionCode = region.code;
            }
        }
        if (r.name() != null && !r.name().equals(d.nameZh)) {
            d.nameZh = r.name().trim();
            if (r.nameEn() == null) {
                d.nameEn = PlaceNames.english(d.nameZh);
            }
        }
        if (r.nameEn() != null) {
            d.nameEn = r.nameEn().trim();
        }
        em.flush();
        Map<String, Object> after = prefecturePayload(d);
        feed.append("PREFECTURE", d.code, "CORRECTED", d.validFrom, after);
        audit.record("Prefecture", d.code, "CORRECT", before, after, r.reason());
        return prefectures.listed(d);
    }

    static Map<String, Object> prefecturePayload(Division d) {
        Map<String, Object> m = DivisionChangeService.payload(d, null, null);
        m.put("provinceCode", d.parentCode);
        m.remove("prefectureCode");
        m.put("regionCode", d.regionCode);
        return m;
    }

    private static Division version(String code, LocalDate asOf, String level, String what) {
        Division d = (asOf == null ? Division.current(code) : Division.on(code, asOf)).filter(x -> level.equals(x.level)).orElse(null);
        if (d == null) {
            throw ApiException.notFound(what, code + (asOf == null ? " (current version)" : " on " + asOf));
        }
        return d;
    }
}
