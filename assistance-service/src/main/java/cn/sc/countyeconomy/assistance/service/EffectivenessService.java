package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.api.Effectiveness;
import cn.sc.countyeconomy.assistance.api.EffectivenessComponent;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.config.AssistanceTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The unified effectiveness score of a county's assistance in a year (0-100, two decimals). Each
 * component has a value, a target and a weight; its attainment is min(1, value / target) (0 when
 * there is nothing to measure), its contribution weight x attainment rounded half-up to 2 decimals,
 * and the score is the sum of the contributions. See {@link #METHOD}.
 */
@ApplicationScoped
public class EffectivenessService {

    public static final String METHOD = "NOT_APPLICABLE (no score) when county-registry-service did not designate the county "
            + "UNDERDEVELOPED_COUNTY on any day of the year. Otherwise score = sum of contributions; contribution = weight x min(1, value / target), "
            + "rounded half-up to 2 decimals; a component with nothing to measure (target basis 0) contributes 0. "
            + "asOf = 31 December of the year, or today for the current year. Components: "
            + "TRAINING = people trained in the county in the year, target 500 (weight 25); "
            + "DISBURSEMENT_RATE = cumulative disbursed / cumulative committed over the county's projects, transactions dated up to asOf, target 1 (weight 25); "
            + "PROJECTS_ON_SCHEDULE = share of the county's projects due to have started (planned start <= asOf, planned end >= 1 January) that are on schedule: "
            + "COMPLETED with actual end <= planned end, or IN_PROGRESS with planned end >= asOf; target 1 (weight 25); "
            + "FORCES_PRESENT = forces of the five with a pairing in force during the year, target 5 (weight 15); "
            + "TASKS_ON_TIME = share of the task-force tasks with a deadline in the year up to asOf that were DONE by their deadline, target 1 (weight 10). "
            + "Weights and targets are configuration (assistance.weights.*, assistance.targets.*).";

    @Inject
    EntityManager em;
    @Inject
    AssistanceTargets config;
    @Inject
    ReportService reports;
    @Inject
    UnderdevelopedCounties eligibility;

    /** Whether the county has assistance to score in the year, and if not why. */
    public record Applicability(boolean applicable, String reason) {
    }

    /**
     * Asks county-registry-service whether the county was designated underdeveloped on at least one day
     * of the year. Made before the score's transaction opens. When the registry cannot answer, the
     * score is computed all the same (it reads only this service's data) and the reason says that the
     * designation was not confirmed.
     */
    public Applicability applicability(String countyCode, int year) {
        try {
            if (eligibility.designatedDuring(countyCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                return new Applicability(true, null);
            }
            return new Applicability(false, "County " + countyCode + " was not designated an underdeveloped county on any day of " + year
                    + " by county-registry-service: it was not assisted in that year, so there is no assistance to score");
        } catch (ApiException e) {
            if (e.status() != 503) {
                throw e;
            }
            return new Applicability(true, "county-registry-service could not be reached: the county's designation in " + year
                    + " is not confirmed; the score is computed from this service's data");
        }
    }

    @Transactional
    public Effectiveness compute(String countyCode, int year, Applicability applicability) {
        if (!applicability.applicable()) {
            return new Effectiveness(countyCode, year, Effectiveness.NOT_APPLICABLE, applicability.reason(), null, List.of(), METHOD);
        }
        Effectiveness scored = compute(countyCode, year);
        return new Effectiveness(countyCode, year, Effectiveness.AVAILABLE, applicability.reason(), scored.score(), scored.components(),
                scored.method());
    }

    /** The score from this service's data alone (status AVAILABLE); the caller has settled applicability. */
    @Transactional
    public Effectiveness compute(String countyCode, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate asOf = reports.asOf(year);
        AssistanceTargets.Weights w = config.weights();
        List<EffectivenessComponent> components = new ArrayList<>();

        BigDecimal trained = BigDecimal.valueOf(reports.trained(countyCode, year));
        components.add(component("TRAINING", "培训人数 People trained", trained,
                BigDecimal.valueOf(config.targets().trainedPerCountyYear()), w.training()));

        Object[] money = (Object[]) em.createNativeQuery("select coalesce(sum(case when t.type = 'COMMITMENT' then t.amount end), 0), "
                + "coalesce(sum(case when t.type = 'DISBURSEMENT' then t.amount end), 0) from fund_transaction t "
                + "join project p on p.id = t.project_id where p.county_code = :c and t.transaction_date <= :asOf")
                .setParameter("c", countyCode).setParameter("asOf", asOf).getSingleResult();
        BigDecimal committed = (BigDecimal) money[0];
        BigDecimal disbursed = (BigDecimal) money[1];
        components.add(component("DISBURSEMENT_RATE", "资金拨付率 Disbursement rate", ratio(disbursed, committed), BigDecimal.ONE, w.disbursement()));

        Object[] sched = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where "
                + "(p.status = 'COMPLETED' and p.actual_end <= p.planned_end) or (p.status = 'IN_PROGRESS' and p.planned_end >= :asOf)) "
                + "from project p where p.county_code = :c and p.planned_start <= :asOf and p.planned_end >= :from")
                .setParameter("c", countyCode).setParameter("asOf", asOf).setParameter("from", from).getSingleResult();
        components.add(component("PROJECTS_ON_SCHEDULE", "项目按期推进率 Projects on schedule",
                ratio(BigDecimal.valueOf(((Number) sched[1]).longValue()), BigDecimal.valueOf(((Number) sched[0]).longValue())),
                BigDecimal.ONE, w.projectsOnSchedule()));

        components.add(component("FORCES_PRESENT", "五方帮扶力量到位 Forces present",
                BigDecimal.valueOf(reports.forcesPresent(countyCode, year).size()), BigDecimal.valueOf(5), w.forcesPresent()));

        Object[] tasks = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where t.status = 'DONE' and t.completed_on <= t.deadline) "
                + "from task_force_task t where t.county_code = :c and t.deadline between :from and :asOf")
                .setParameter("c", countyCode).setParameter("from", from).setParameter("asOf", asOf).getSingleResult();
        components.add(component("TASKS_ON_TIME", "任务按期完成率 Tasks done on time",
                ratio(BigDecimal.valueOf(((Number) tasks[1]).longValue()), BigDecimal.valueOf(((Number) tasks[0]).longValue())),
                BigDecimal.ONE, w.tasksOnTime()));

        BigDecimal score = components.stream().map(EffectivenessComponent::contribution).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new Effectiveness(countyCode, year, Effectiveness.AVAILABLE, null, score, components,
                METHOD + " asOf for this answer: " + asOf + ".");
    }

    /** value / basis to 4 decimals (half-up); 0 when the basis is 0. */
    static BigDecimal ratio(BigDecimal value, BigDecimal basis) {
        if (basis.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return value.divide(basis, 4, RoundingMode.HALF_UP);
    }

    static EffectivenessComponent component(String code, String name, BigDecimal value, BigDecimal target, BigDecimal weight) {
        BigDecimal attainment = target.signum() == 0
                ? BigDecimal.ZERO
                : value.divide(target, 10, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        BigDecimal contribution = weight.multiply(attainment).setScale(2, RoundingMode.HALF_UP);
        return new EffectivenessComponent(code, name, value, target, weight, contribution);
    }
}
