package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.CadreExchange;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.Pairing;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.TrainingRecord;
import cn.sc.countyeconomy.assistance.TransactionType;
import cn.sc.countyeconomy.assistance.api.DemoDataLoaded;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.registry.client.RegistryDesignation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic demo data for exploring the API: every row it writes has synthetic = true and names
 * marked 【演示数据】. The counties are those county-registry-service designates underdeveloped today,
 * read from the local copy of the registry facts (503 only before it was ever loaded); nothing here
 * is a fact about them.
 */
@ApplicationScoped
public class DemoDataService {

    static final String MARK = "【演示数据】";

    @Inject
    UnderdevelopedCounties eligibility;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    /** Reads the designated counties first, outside any transaction, then writes everything in one transaction. */
    public DemoDataLoaded load() {
        LocalDate now = LocalDate.now(clock);
        List<RegistryDesignation> designations = eligibility.designatedOn(now);
        return QuarkusTransaction.requiringNew().call(() -> write(designations, now));
    }

    DemoDataLoaded write(List<RegistryDesignation> designations, LocalDate now) {
        if (AssistingOrganisation.count("synthetic", true) > 0) {
            throw ApiException.conflict("Synthetic demo data is loaded already");
        }
        if (designations.isEmpty()) {
            throw ApiException.rule("no-underdeveloped-counties", "county-registry-service designates no underdeveloped county today");
        }
        Map<OrganisationKind, AssistingOrganisation> orgs = organisations();
        LocalDate jan1 = LocalDate.of(now.getYear(), 1, 1);
        Counts counts = new Counts();
        int n = 0;
        for (RegistryDesignation d : designations) {
            n++;
            LocalDate from = d.validFrom().isAfter(jan1) ? d.validFrom() : jan1;
            for (AssistingOrganisation o : orgs.values()) {
                // leave some gaps so that the coverage checks have something to find
                if ((n + o.kind.ordinal()) % 7 != 0) {
                    pairAndFund(d, o, n, from, now, counts);
                }
            }
            countyActivities(d, orgs.get(OrganisationKind.EASTERN_PARTNER), n, now);
        }
        em.flush();
        int counties = designations.size();
        DemoDataLoaded loaded = new DemoDataLoaded(counties, orgs.size(), counts.pairings, counts.projects, counts.transactions,
                counties, counties, counties);
        audit.record("DemoData", "synthetic", "IMPORT", null, loaded, "synthetic demo data on request");
        return loaded;
    }

    /** What the demo data wrote for the pairs of county and organisation. */
    private static final class Counts {

        int pairings;
        int projects;
        int transactions;
    }

    /** One organisation of each kind. */
    private static Map<OrganisationKind, AssistingOrganisation> organisations() {
        Map<OrganisationKind, AssistingOrganisation> orgs = new LinkedHashMap<>();
        String[] names = {"省直部门（甲）", "东部协作城市（乙）", "省内结对市（丙）", "省属国企（丁）", "在川央企（戊）"};
        int k = 0;
        for (OrganisationKind kind : OrganisationKind.values()) {
            AssistingOrganisation o = new AssistingOrganisation();
            o.name = MARK + names[k++];
            o.kind = kind;
            o.forceCode = kind.forceCode();
            o.synthetic = true;
            o.persist();
            orgs.put(kind, o);
        }
        return orgs;
    }

    /** The organisation paired with the county from {@code from}, leading one project in progress with its funds. */
    private void pairAndFund(RegistryDesignation d, AssistingOrganisation o, int n, LocalDate from, LocalDate now, Counts counts) {
        Pairing p = new Pairing();
        p.organisationId = o.id;
        p.countyCode = d.countyCode();
        p.countyName = d.countyName();
        p.forceCode = o.forceCode;
        p.validFrom = from;
        p.synthetic = true;
        p.persist();
        counts.pairings++;

        AssistanceProject pr = new AssistanceProject();
        pr.countyCode = d.countyCode();
        pr.forceCode = o.forceCode;
        pr.leadOrganisationId = o.id;
        pr.title = MARK + (d.countyName() == null ? d.countyCode() : d.countyName()) + "产业帮扶项目";
        pr.sector = ProjectSector.values()[(n + o.kind.ordinal()) % ProjectSector.values().length];
        pr.term = ProjectTerm.values()[n % 3];
        pr.keyProject = o.kind == OrganisationKind.PROVINCIAL_DEPARTMENT;
        pr.plannedStart = from;
        pr.plannedEnd = from.plusYears(1 + n % 3);
        pr.status = ProjectStatus.IN_PROGRESS;
        pr.actualStart = from;
        BigDecimal committed = new BigDecimal(100_000 + 10_000 * ((n * 7 + o.kind.ordinal() * 3) % 50)).setScale(2);
        pr.budget = committed;
        pr.synthetic = true;
        pr.persist();
        counts.projects++;
        counts.transactions += tx(pr, o, TransactionType.COMMITMENT, from, committed);
        BigDecimal disbursed = committed.multiply(new BigDecimal("0.60")).setScale(2);
        counts.transactions += tx(pr, o, TransactionType.DISBURSEMENT, from.plusDays(30).isAfter(now) ? from : from.plusDays(30), disbursed);
        counts.transactions += tx(pr, o, TransactionType.EXPENDITURE, from.plusDays(60).isAfter(now) ? from : from.plusDays(60),
                disbursed.multiply(new BigDecimal("0.50")).setScale(2));
    }

    /** One training record, one cadre exchange and one task for the county. */
    private static void countyActivities(RegistryDesignation d, AssistingOrganisation partner, int n, LocalDate now) {
        LocalDate jan1 = LocalDate.of(now.getYear(), 1, 1);
        TrainingRecord t = new TrainingRecord();
        t.countyCode = d.countyCode();
        t.year = now.getYear();
        t.organiserName = MARK + "县人社局";
        t.peopleTrained = 300 + (n * 37) % 300;
        t.kind = TrainingRecord.TrainingKind.VOCATIONAL_SKILLS;
        t.synthetic = true;
        t.persist();
        CadreExchange c = new CadreExchange();
        c.countyCode = d.countyCode();
        c.organisationId = partner.id;
        c.kind = CadreExchange.ExchangeKind.TEMPORARY_POST;
        c.periodStart = jan1;
        c.periodEnd = jan1.plusMonths(6);
        c.people = 1 + n % 4;
        c.synthetic = true;
        c.persist();
        TaskForceTask task = new TaskForceTask();
        task.countyCode = d.countyCode();
        task.title = MARK + "制定年度帮扶任务清单";
        task.responsibleUnit = MARK + "县帮扶工作队";
        task.deadline = n % 2 == 0 ? now.minusDays(10) : now.plusDays(30);
        task.status = TaskForceTask.TaskStatus.OPEN;
        task.synthetic = true;
        task.persist();
    }

    private int tx(AssistanceProject p, AssistingOrganisation o, TransactionType type, LocalDate date, BigDecimal amount) {
        FundTransaction t = new FundTransaction();
        t.projectId = p.id;
        t.type = type;
        t.date = date;
        t.amount = amount;
        t.providerOrganisationId = o.id;
        t.providerName = o.name;
        t.receiverName = MARK + "县财政局";
        t.synthetic = true;
        t.recordedAt = Instant.now(clock);
        t.persist();
        return 1;
    }
}
