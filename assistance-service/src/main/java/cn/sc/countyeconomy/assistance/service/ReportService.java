package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.api.CountyAssistance;
import cn.sc.countyeconomy.assistance.api.CountyBelowTraining;
import cn.sc.countyeconomy.assistance.api.CountyMissingForces;
import cn.sc.countyeconomy.assistance.api.Coverage;
import cn.sc.countyeconomy.assistance.api.DepartmentAboveKeyProjects;
import cn.sc.countyeconomy.assistance.api.DepartmentBelowKeyProjects;
import cn.sc.countyeconomy.assistance.api.ForcePresence;
import cn.sc.countyeconomy.assistance.api.FundFigures;
import cn.sc.countyeconomy.assistance.api.FundMatrixRow;
import cn.sc.countyeconomy.assistance.api.FundSummaryRow;
import cn.sc.countyeconomy.assistance.api.OverdueTask;
import cn.sc.countyeconomy.assistance.api.PairingEndedByDesignation;
import cn.sc.countyeconomy.assistance.api.SoeWithoutAgreement;
import cn.sc.countyeconomy.assistance.api.TargetFigure;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.config.AssistanceTargets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports: a county's assistance page, fund summaries and coverage checks. Money is summed in
 * SQL (NUMERIC) and carried as BigDecimal; nothing passes through double. The conditions of every
 * query come from the query kit ({@link Filter}); only the select, joins and grouping are written here.
 */
@ApplicationScoped
public class ReportService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final String MONEY = """
        coalesce(sum(case when t.type = 'COMMITMENT' then t.amount end), 0), \
        coalesce(sum(case when t.type = 'DISBURSEMENT' then t.amount end), 0), \
        coalesce(sum(case when t.type = 'EXPENDITURE' then t.amount end), 0)""";
    private static final String TRANSACTIONS = " from fund_transaction t join project p on p.id = t.project_id";

    @Inject
    EntityManager em;
    @Inject
    AssistanceTargets targets;
    @Inject
    Clock clock;
    @Inject
    UnderdevelopedCounties eligibility;

    // ---------------------------------------------------------------- county page

    @Transactional
    public CountyAssistance county(String countyCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Filter funds = Filter.where().eq("p.county_code", countyCode).range("t.transaction_date", from, to);
        Filter projects = Filter.where().eq("p.county_code", countyCode)
                .range("p.planned_start", null, to).atLeast("p.planned_end", from);
        long trained = trained(countyCode, year);
        int trainingTarget = targets.targets().trainedPerCountyYear();
        List<OverdueTask> overdue = overdueTasks(countyCode);
        Set<String> present = forcesPresent(countyCode, year);
        List<ForcePresence> forces = forces().stream()
                .map(f -> new ForcePresence(f.code, f.nameZh, present.contains(f.code))).toList();
        return new CountyAssistance(countyCode, year, fundTotals(funds), fundsByForce(funds), fundsByOrganisation(funds),
                countBy("p.status", EnumSet.allOf(ProjectStatus.class), projects),
                countBy("p.term", EnumSet.allOf(ProjectTerm.class), projects),
                new TargetFigure(trained, trainingTarget, trained >= trainingTarget), cadres(countyCode, year),
                TaskForceTask.count("countyCode", countyCode), overdue.size(), overdue, forces);
    }

    /**
     * Committed, disbursed and spent grouped by two dimensions, over the transactions dated in [from, to] (either
     * bound may be null), optionally of one county or one lead organisation's projects; ordered by the two keys.
     */
    @Transactional
    public List<FundMatrixRow> matrix(FundDimension rows, FundDimension columns, LocalDate from, LocalDate to, String countyCode,
            Long leadOrganisationId) {
        if (rows == columns) {
            throw ApiException.invalidParameter("columns", "must differ from rows (both are " + rows + ")");
        }
        Filter f = Filter.where().range("t.transaction_date", from, to).eq("p.county_code", countyCode)
                .eq("p.lead_organisation_id", leadOrganisationId);
        String select = "select " + rows.key + ", " + rows.name + ", " + columns.key + ", " + columns.name + ", " + MONEY
                + ", count(*)" + FundDimension.FROM;
        List<FundMatrixRow> out = new ArrayList<>();
        for (Object[] r : rows(select, f, " group by 1, 2, 3, 4 order by 1, 3")) {
            out.add(new FundMatrixRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], dec(r[4]), dec(r[5]), dec(r[6]),
                    ((Number) r[7]).longValue()));
        }
        return out;
    }

    private FundFigures fundTotals(Filter funds) {
        Object[] r = rows("select " + MONEY + TRANSACTIONS, funds, "").get(0);
        return new FundFigures("total", "合计", dec(r[0]), dec(r[1]), dec(r[2]));
    }

    /** Every force, in the official order, with zeros where it has no transactions. */
    private List<FundFigures> fundsByForce(Filter funds) {
        Map<String, FundFigures> byForce = new LinkedHashMap<>();
        for (AssistanceForce f : forces()) {
            byForce.put(f.code, new FundFigures(f.code, f.nameZh, ZERO, ZERO, ZERO));
        }
        for (Object[] r : rows("select p.force_code, " + MONEY + TRANSACTIONS, funds, " group by p.force_code")) {
            FundFigures f = byForce.get((String) r[0]);
            byForce.put(f.key(), new FundFigures(f.key(), f.name(), dec(r[1]), dec(r[2]), dec(r[3])));
        }
        return List.copyOf(byForce.values());
    }

    private List<FundFigures> fundsByOrganisation(Filter funds) {
        List<FundFigures> byOrganisation = new ArrayList<>();
        for (Object[] r : rows("select cast(o.id as text), o.name, " + MONEY + TRANSACTIONS
                + " join assisting_organisation o on o.id = p.lead_organisation_id", funds, " group by o.id, o.name order by o.id")) {
            byOrganisation.add(new FundFigures((String) r[0], (String) r[1], dec(r[2]), dec(r[3]), dec(r[4])));
        }
        return byOrganisation;
    }

    /** Projects counted by a column, every value of the enum present (0 when none). */
    private <E extends Enum<E>> Map<String, Long> countBy(String column, Set<E> values, Filter projects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E v : values) {
            counts.put(v.name(), 0L);
        }
        for (Object[] r : rows("select " + column + ", count(*) from project p", projects, " group by " + column)) {
            counts.put((String) r[0], ((Number) r[1]).longValue());
        }
        return counts;
    }

    private List<OverdueTask> overdueTasks(String countyCode) {
        return Filter.where().eq("countyCode", countyCode)
                .in("status", EnumSet.complementOf(EnumSet.of(TaskForceTask.TaskStatus.DONE)))
                .before("deadline", LocalDate.now(clock))
                .list(TaskForceTask.class, Sort.by("deadline").and("id")).stream()
                .map(t -> new OverdueTask(t.id, t.title, t.responsibleUnit, t.deadline, t.status.name())).toList();
    }

    private static List<AssistanceForce> forces() {
        return AssistanceForce.listAll(Sort.by("ordinal"));
    }

    long trained(String countyCode, int year) {
        Filter f = Filter.where().eq("county_code", countyCode).eq("year", year);
        return ((Number) single("select coalesce(sum(people_trained), 0) from training_record", f)).longValue();
    }

    long cadres(String countyCode, int year) {
        Filter f = Filter.where().eq("county_code", countyCode)
                .range("period_start", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        return ((Number) single("select coalesce(sum(people), 0) from cadre_exchange", f)).longValue();
    }

    /** Forces with a pairing in force at some time during the year. */
    Set<String> forcesPresent(String countyCode, int year) {
        Filter f = PairingService.inForceDuring(Filter.where().eq("county_code", countyCode), "valid_from", "valid_to",
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Set<String> codes = new LinkedHashSet<>();
        for (Object code : list("select distinct force_code from pairing", f, "")) {
            codes.add((String) code);
        }
        return codes;
    }

    // ---------------------------------------------------------------- summaries

    public enum GroupBy {

        county("p.county_code", "(select max(pa.county_name) from pairing pa where pa.county_code = p.county_code)"), force("p.force_code",
                "max(f.name_zh)"), organisation("cast(o.id as text)", "max(o.name)"), year("to_char(t.transaction_date, 'YYYY')",
                        "null"), quarter("to_char(t.transaction_date, 'YYYY-\"Q\"Q')", "null"), month("to_char(t.transaction_date, 'YYYY-MM')", "null");

        final String key;
        final String label;

        GroupBy(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    @Transactional
    public List<FundSummaryRow> summary(GroupBy groupBy, Integer year, String countyCode, String forceCode, Long organisationId) {
        Filter f = Filter.where()
                .range("t.transaction_date", year == null ? null : LocalDate.of(year, 1, 1), year == null ? null : LocalDate.of(year, 12, 31))
                .eq("p.county_code", countyCode).eq("p.force_code", forceCode).eq("o.id", organisationId);
        String select = "select " + groupBy.key + " as k, " + groupBy.label + ", " + MONEY + ", count(*)" + TRANSACTIONS
                + " join assisting_organisation o on o.id = p.lead_organisation_id join assistance_force f on f.code = p.force_code";
        List<FundSummaryRow> out = new ArrayList<>();
        for (Object[] r : rows(select, f, " group by " + groupBy.key + " order by 1")) {
            out.add(new FundSummaryRow((String) r[0], (String) r[1], dec(r[2]), dec(r[3]), dec(r[4]), ((Number) r[5]).longValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------- coverage

    /** The pairings the end of their county's designation ended in the year (the designation's end in the year), by date and id. */
    private List<PairingEndedByDesignation> endedByDesignation(int year) {
        return Pairing.<Pairing>find("endedByDesignationOn >= ?1 and endedByDesignationOn <= ?2",
                io.quarkus.panache.common.Sort.by("endedByDesignationOn").and("id"), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream().map(p -> new PairingEndedByDesignation(p.id, p.organisationId, p.countyCode, p.countyName, p.forceCode, p.validTo,
                        p.endedByDesignationOn))
                .toList();
    }

    public LocalDate asOf(int year) {
        LocalDate now = LocalDate.now(clock);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate start = LocalDate.of(year, 1, 1);
        return end.isBefore(now) ? end : (now.isBefore(start) ? start : now);
    }

    public Coverage coverage(int year) {
        LocalDate asOf = asOf(year);
        // the registry call happens outside any transaction: no connection is held while it waits
        UnderdevelopedCounties.CountyList list = eligibility.all(asOf);
        return QuarkusTransaction.joiningExisting().call(() -> coverage(year, asOf, list));
    }

    private Coverage coverage(int year, LocalDate asOf, UnderdevelopedCounties.CountyList list) {
        List<String> allForces = forces().stream().map(f -> f.code).toList();
        List<CountyMissingForces> missing = new ArrayList<>();
        List<CountyBelowTraining> belowTraining = new ArrayList<>();
        int trainingTarget = targets.targets().trainedPerCountyYear();
        long cadres = 0;
        for (UnderdevelopedCounties.County c : list.counties()) {
            Set<String> present = forcesPresent(c.code(), year);
            List<String> m = allForces.stream().filter(f -> !present.contains(f)).toList();
            if (!m.isEmpty()) {
                missing.add(new CountyMissingForces(c.code(), c.name(), m));
            }
            long trained = trained(c.code(), year);
            if (trained < trainingTarget) {
                belowTraining.add(new CountyBelowTraining(c.code(), c.name(), trained, trainingTarget));
            }
            cadres += cadres(c.code(), year);
        }
        int cadreTarget = targets.targets().cadresPerYear();
        List<String> codes = list.counties().stream().map(UnderdevelopedCounties.County::code).toList();
        List<SoeWithoutAgreement> soesWithout = new ArrayList<>();
        long soesWith = soesByAgreement(year, asOf, codes, soesWithout);
        int soeTarget = targets.targets().soesInPlan();
        List<DepartmentBelowKeyProjects> below = new ArrayList<>();
        List<DepartmentAboveKeyProjects> above = new ArrayList<>();
        departmentsByKeyProjects(year, below, above);
        return new Coverage(year, asOf, list.source(), list.fetchedAt(), list.counties().size(), missing, soesWithout,
                new TargetFigure(soesWith, soeTarget, soesWith >= soeTarget), below, above, belowTraining,
                new TargetFigure(cadres, cadreTarget, cadres >= cadreTarget), endedByDesignation(year));
    }

    /**
     * Splits the SOEs by whether they have, for this year, an agreement that counts: signed on or before
     * asOf (status SIGNED, IN_FORCE or EXPIRED), its term [termStart, termEnd) running on some day of the
     * year, with one of the year's designated counties. Fills the list of those without; answers how many have one.
     */
    private long soesByAgreement(int year, LocalDate asOf, List<String> counties, List<SoeWithoutAgreement> without) {
        long with = 0;
        for (Object[] r : rows(em.createNativeQuery("""
            select o.id, o.name, o.kind, exists (select 1 from agreement a
            where a.organisation_id = o.id and a.status in ('SIGNED', 'IN_FORCE', 'EXPIRED') and a.signed_date <= :asOf
            and a.term_start <= :to and a.term_end > :from and a.county_code in (:counties)) as counts
            from assisting_organisation o where o.kind in ('PROVINCIAL_SOE', 'CENTRAL_SOE') order by o.id""")
                .setParameter("asOf", asOf).setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .setParameter("counties", counties.isEmpty() ? List.of("") : counties))) {
            if ((Boolean) r[3]) {
                with++;
            } else {
                without.add(new SoeWithoutAgreement(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
            }
        }
        return with;
    }

    /**
     * Provincial departments with fewer key projects starting in the year than the minimum, and those with
     * more than the maximum, per county they help.
     */
    private void departmentsByKeyProjects(int year, List<DepartmentBelowKeyProjects> below, List<DepartmentAboveKeyProjects> above) {
        int min = targets.targets().keyProjectsPerDepartmentCountyYearMin();
        int max = targets.targets().keyProjectsPerDepartmentCountyYearMax();
        for (Object[] r : rows(em.createNativeQuery("""
            select o.id, o.name, pa.county_code, (select count(*) from project p
            where p.lead_organisation_id = o.id and p.county_code = pa.county_code and p.key_project
            and p.status <> 'CANCELLED' and p.planned_start between :from and :to) as n
            from assisting_organisation o join pairing pa on pa.organisation_id = o.id
            where o.kind = 'PROVINCIAL_DEPARTMENT' and pa.valid_from <= :to and (pa.valid_to is null or pa.valid_to >= :from)
            group by o.id, o.name, pa.county_code order by o.id, pa.county_code""")
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31)))) {
            long n = ((Number) r[3]).longValue();
            if (n < min) {
                below.add(new DepartmentBelowKeyProjects(((Number) r[0]).longValue(), (String) r[1], (String) r[2], n, min));
            }
            if (n > max) {
                above.add(new DepartmentAboveKeyProjects(((Number) r[0]).longValue(), (String) r[1], (String) r[2], n, max));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A native query: the select with its joins, the kit's conditions, then what follows them (group by, order by). */
    private Query query(String select, Filter where, String tail) {
        Query q = em.createNativeQuery(String.format("%s where %s%s", select, where.query(), tail));
        where.params().forEach(q::setParameter);
        return q;
    }

    private List<Object[]> rows(String select, Filter where, String tail) {
        return rows(query(select, where, tail));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(String select, Filter where, String tail) {
        return query(select, where, tail).getResultList();
    }

    private Object single(String select, Filter where) {
        return query(select, where, "").getSingleResult();
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    static BigDecimal dec(Object o) {
        if (o == null) {
            return ZERO;
        }
        if (!(o instanceof BigDecimal b)) {
            throw new ApiException(500, ProblemType.INTERNAL_ERROR, "unexpected money type");
        }
        return b.setScale(2);
    }
}
