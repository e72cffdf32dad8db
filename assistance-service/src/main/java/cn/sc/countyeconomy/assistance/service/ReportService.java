package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistanceForce;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.config.AssistanceTargets;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reports: a county's assistance page, fund summaries and coverage checks. Money is summed in
 * SQL (NUMERIC) and carried as BigDecimal; nothing passes through double.
 */
@ApplicationScoped
public class ReportService {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    @Inject
    EntityManager em;
    @Inject
    AssistanceTargets targets;
    @Inject
    Today today;
    @Inject
    UnderdevelopedCounties eligibility;

    // ---------------------------------------------------------------- county page

    @Schema(name = "FundFigures", description = "Sums in CNY of the transactions dated in the year.")
    public record FundFigures(String key, String name, BigDecimal committed, BigDecimal disbursed, BigDecimal spent) {
    }

    @Schema(name = "ForcePresence")
    public record ForcePresence(String code, String name, boolean present) {
    }

    @Schema(name = "TargetFigure")
    public record TargetFigure(long actual, long target, boolean met) {
    }

    @Schema(name = "OverdueTask")
    public record OverdueTask(long id, String title, String responsibleUnit, LocalDate deadline, String status) {
    }

    @Schema(name = "CountyAssistance", description = "A county's assistance in a year. Funds: transactions dated in the year. "
            + "Projects: those whose planned period overlaps the year. Training and cadres: the year's records (cadres by period start). "
            + "Forces present: forces with a pairing in force during the year. Overdue tasks: as of today.")
    public record CountyAssistance(String countyCode, int year, FundFigures totals, List<FundFigures> byForce,
                                   List<FundFigures> byOrganisation, Map<String, Long> projectsByStatus,
                                   Map<String, Long> projectsByTerm, TargetFigure training, long cadres,
                                   long tasks, long overdueTaskCount, List<OverdueTask> overdueTasks, List<ForcePresence> forces) {
    }

    @Transactional
    public CountyAssistance county(String countyCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        String money = "coalesce(sum(case when t.type = 'COMMITMENT' then t.amount end), 0), "
                + "coalesce(sum(case when t.type = 'DISBURSEMENT' then t.amount end), 0), "
                + "coalesce(sum(case when t.type = 'EXPENDITURE' then t.amount end), 0) ";
        String where = " where p.county_code = :c and t.transaction_date between :from and :to ";

        Object[] tot = (Object[]) bind(em.createNativeQuery("select " + money
                + "from fund_transaction t join project p on p.id = t.project_id" + where), countyCode, from, to).getSingleResult();
        FundFigures totals = new FundFigures("total", "合计", dec(tot[0]), dec(tot[1]), dec(tot[2]));

        Map<String, FundFigures> byForce = new LinkedHashMap<>();
        for (AssistanceForce f : AssistanceForce.<AssistanceForce>listAll(Sort.by("ordinal"))) {
            byForce.put(f.code, new FundFigures(f.code, f.nameZh, ZERO, ZERO, ZERO));
        }
        for (Object[] r : rows(bind(em.createNativeQuery("select p.force_code, " + money
                + "from fund_transaction t join project p on p.id = t.project_id" + where + "group by p.force_code"), countyCode, from, to))) {
            FundFigures f = byForce.get((String) r[0]);
            byForce.put(f.key(), new FundFigures(f.key(), f.name(), dec(r[1]), dec(r[2]), dec(r[3])));
        }

        List<FundFigures> byOrganisation = new ArrayList<>();
        for (Object[] r : rows(bind(em.createNativeQuery("select cast(o.id as text), o.name, " + money
                + "from fund_transaction t join project p on p.id = t.project_id "
                + "join assisting_organisation o on o.id = p.lead_organisation_id" + where
                + "group by o.id, o.name order by o.id"), countyCode, from, to))) {
            byOrganisation.add(new FundFigures((String) r[0], (String) r[1], dec(r[2]), dec(r[3]), dec(r[4])));
        }

        String projectsOfYear = " from project p where p.county_code = :c and p.planned_start <= :to and p.planned_end >= :from ";
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (var s : cn.sc.countyeconomy.assistance.ProjectStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        for (Object[] r : rows(bind(em.createNativeQuery("select p.status, count(*)" + projectsOfYear + "group by p.status"), countyCode, from, to))) {
            byStatus.put((String) r[0], ((Number) r[1]).longValue());
        }
        Map<String, Long> byTerm = new LinkedHashMap<>();
        for (var s : cn.sc.countyeconomy.assistance.ProjectTerm.values()) {
            byTerm.put(s.name(), 0L);
        }
        for (Object[] r : rows(bind(em.createNativeQuery("select p.term, count(*)" + projectsOfYear + "group by p.term"), countyCode, from, to))) {
            byTerm.put((String) r[0], ((Number) r[1]).longValue());
        }

        long trained = trained(countyCode, year);
        int trainingTarget = targets.targets().trainedPerCountyYear();
        long cadres = cadres(countyCode, year);

        LocalDate now = today.date();
        long tasks = TaskForceTask.count("countyCode", countyCode);
        List<TaskForceTask> overdue = TaskForceTask.list("countyCode = ?1 and status <> ?2 and deadline < ?3",
                Sort.by("deadline").and("id"), countyCode, TaskForceTask.TaskStatus.DONE, now);
        List<OverdueTask> overdueViews = overdue.stream()
                .map(t -> new OverdueTask(t.id, t.title, t.responsibleUnit, t.deadline, t.status.name())).toList();

        Set<String> present = forcesPresent(countyCode, year);
        List<ForcePresence> forces = AssistanceForce.<AssistanceForce>listAll(Sort.by("ordinal")).stream()
                .map(f -> new ForcePresence(f.code, f.nameZh, present.contains(f.code))).toList();

        return new CountyAssistance(countyCode, year, totals, List.copyOf(byForce.values()), byOrganisation, byStatus, byTerm,
                new TargetFigure(trained, trainingTarget, trained >= trainingTarget), cadres, tasks, overdue.size(),
                overdueViews, forces);
    }

    long trained(String countyCode, int year) {
        return ((Number) em.createNativeQuery("select coalesce(sum(people_trained), 0) from training_record where county_code = :c and year = :y")
                .setParameter("c", countyCode).setParameter("y", year).getSingleResult()).longValue();
    }

    long cadres(String countyCode, int year) {
        return ((Number) em.createNativeQuery("select coalesce(sum(people), 0) from cadre_exchange where county_code = :c "
                        + "and period_start between :from and :to")
                .setParameter("c", countyCode).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).getSingleResult()).longValue();
    }

    /** Forces with a pairing in force at some time during the year. */
    Set<String> forcesPresent(String countyCode, int year) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("select distinct force_code from pairing where county_code = :c "
                        + "and valid_from <= :to and (valid_to is null or valid_to >= :from)")
                .setParameter("c", countyCode).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year, 12, 31)).getResultList();
        return new LinkedHashSet<>(codes);
    }

    // ---------------------------------------------------------------- summaries

    public enum GroupBy {
        county("p.county_code", "(select max(pa.county_name) from pairing pa where pa.county_code = p.county_code)"),
        force("p.force_code", "max(f.name_zh)"),
        organisation("cast(o.id as text)", "max(o.name)"),
        year("to_char(t.transaction_date, 'YYYY')", "null"),
        quarter("to_char(t.transaction_date, 'YYYY-\"Q\"Q')", "null"),
        month("to_char(t.transaction_date, 'YYYY-MM')", "null");

        final String key;
        final String label;

        GroupBy(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"key", "name", "committed", "disbursed", "spent", "transactions"})
    @Schema(name = "FundSummaryRow", description = "Sums in CNY of one group. key: county code, force code, organisation id, or YYYY / YYYY-Qn / YYYY-MM.")
    public record SummaryRow(String key, String name, BigDecimal committed, BigDecimal disbursed, BigDecimal spent, long transactions) {
    }

    @Transactional
    public List<SummaryRow> summary(GroupBy groupBy, Integer year, String countyCode, String forceCode, Long organisationId) {
        StringBuilder sql = new StringBuilder("select ").append(groupBy.key).append(" as k, ")
                .append(groupBy.label)
                .append(", coalesce(sum(case when t.type = 'COMMITMENT' then t.amount end), 0)")
                .append(", coalesce(sum(case when t.type = 'DISBURSEMENT' then t.amount end), 0)")
                .append(", coalesce(sum(case when t.type = 'EXPENDITURE' then t.amount end), 0), count(*)")
                .append(" from fund_transaction t join project p on p.id = t.project_id")
                .append(" join assisting_organisation o on o.id = p.lead_organisation_id")
                .append(" join assistance_force f on f.code = p.force_code where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (year != null) {
            sql.append(" and t.transaction_date between :from and :to");
            params.put("from", LocalDate.of(year, 1, 1));
            params.put("to", LocalDate.of(year, 12, 31));
        }
        if (countyCode != null) {
            sql.append(" and p.county_code = :c");
            params.put("c", countyCode);
        }
        if (forceCode != null) {
            sql.append(" and p.force_code = :fc");
            params.put("fc", forceCode);
        }
        if (organisationId != null) {
            sql.append(" and o.id = :o");
            params.put("o", organisationId);
        }
        sql.append(" group by ").append(groupBy.key).append(" order by 1");
        Query q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        List<SummaryRow> out = new ArrayList<>();
        for (Object[] r : rows(q)) {
            out.add(new SummaryRow((String) r[0], (String) r[1], dec(r[2]), dec(r[3]), dec(r[4]), ((Number) r[5]).longValue()));
        }
        return out;
    }

    // ---------------------------------------------------------------- coverage

    @Schema(name = "CountyMissingForces")
    public record CountyMissingForces(String countyCode, String countyName, List<String> missingForces) {
    }

    @Schema(name = "SoeWithoutAgreement")
    public record SoeWithoutAgreement(long organisationId, String name, String kind) {
    }

    @Schema(name = "DepartmentBelowKeyProjects")
    public record DepartmentBelowKeyProjects(long organisationId, String name, String countyCode, long keyProjects, int minimum) {
    }

    @Schema(name = "CountyBelowTraining")
    public record CountyBelowTraining(String countyCode, String countyName, long trained, int target) {
    }

    @Schema(name = "Coverage", description = "Coverage checks for a year against the plan's targets. The counties are those "
            + "county-registry-service designates underdeveloped on asOf; countiesSource says whether that list came from the "
            + "registry now or, while it is down, from the last list it gave (cache).")
    public record Coverage(int year, LocalDate asOf, String countiesSource, Instant countiesFetchedAt, int counties,
                           List<CountyMissingForces> countiesMissingForces,
                           List<SoeWithoutAgreement> soesWithoutSignedAgreement,
                           List<DepartmentBelowKeyProjects> departmentsBelowKeyProjects,
                           List<CountyBelowTraining> countiesBelowTrainingTarget,
                           TargetFigure provinceCadres) {
    }

    public LocalDate asOf(int year) {
        LocalDate now = today.date();
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate start = LocalDate.of(year, 1, 1);
        return end.isBefore(now) ? end : (now.isBefore(start) ? start : now);
    }

    public Coverage coverage(int year) {
        LocalDate asOf = asOf(year);
        // the registry call happens outside any transaction: no connection is held while it waits
        UnderdevelopedCounties.CountyList list = eligibility.all(asOf);
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> coverage(year, asOf, list));
    }

    private Coverage coverage(int year, LocalDate asOf, UnderdevelopedCounties.CountyList list) {
        List<String> allForces = AssistanceForce.<AssistanceForce>listAll(Sort.by("ordinal")).stream().map(f -> f.code).toList();
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

        List<SoeWithoutAgreement> soes = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("select o.id, o.name, o.kind from assisting_organisation o "
                + "where o.kind in ('PROVINCIAL_SOE', 'CENTRAL_SOE') and not exists (select 1 from agreement a "
                + "where a.organisation_id = o.id and a.status in ('SIGNED', 'IN_FORCE')) order by o.id"))) {
            soes.add(new SoeWithoutAgreement(((Number) r[0]).longValue(), (String) r[1], (String) r[2]));
        }

        int min = targets.targets().keyProjectsPerDepartmentCountyYearMin();
        List<DepartmentBelowKeyProjects> departments = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("select o.id, o.name, pa.county_code, (select count(*) from project p "
                        + "where p.lead_organisation_id = o.id and p.county_code = pa.county_code and p.key_project "
                        + "and p.status <> 'CANCELLED' and p.planned_start between :from and :to) as n "
                        + "from assisting_organisation o join pairing pa on pa.organisation_id = o.id "
                        + "where o.kind = 'PROVINCIAL_DEPARTMENT' and pa.valid_from <= :to and (pa.valid_to is null or pa.valid_to >= :from) "
                        + "group by o.id, o.name, pa.county_code order by o.id, pa.county_code")
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31)))) {
            long n = ((Number) r[3]).longValue();
            if (n < min) {
                departments.add(new DepartmentBelowKeyProjects(((Number) r[0]).longValue(), (String) r[1], (String) r[2], n, min));
            }
        }
        int cadreTarget = targets.targets().cadresPerYear();
        return new Coverage(year, asOf, list.source(), list.fetchedAt(), list.counties().size(), missing, soes, departments,
                belowTraining, new TargetFigure(cadres, cadreTarget, cadres >= cadreTarget));
    }

    // ---------------------------------------------------------------- helpers

    static Query bind(Query q, String county, LocalDate from, LocalDate to) {
        return q.setParameter("c", county).setParameter("from", from).setParameter("to", to);
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
            throw new ApiException(500, cn.sc.countyeconomy.api.problem.ProblemType.INTERNAL_ERROR, "unexpected money type");
        }
        return b.setScale(2);
    }
}
