package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.ProjectSector;
import cn.sc.countyeconomy.assistance.ProjectStatus;
import cn.sc.countyeconomy.assistance.ProjectTerm;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.TransactionType;
import cn.sc.countyeconomy.assistance.mapping.IatiXml;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The IATI 2.03 XML files: the activity file for any filter of projects and the organisation file. Written with
 * StAX straight to the answer, a page of projects at a time (their transactions and results read per page, the
 * persistence context cleared after each), so memory does not grow with the number of projects.
 */
@ApplicationScoped
public class IatiService {

    static final int PAGE = 100;
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** The projects an activity file covers; every filter may be null. */
    public record ActivityFilter(String countyCode, String forceCode, ProjectStatus status, ProjectTerm term, Long leadOrganisationId,
            ProjectSector sector) {

        Filter filter() {
            return Filter.where().eq("countyCode", countyCode).eq("forceCode", forceCode).eq("status", status).eq("term", term)
                    .eq("leadOrganisationId", leadOrganisationId).eq("sector", sector);
        }
    }

    /** Refuses (404) a filter no project matches: an IATI activity file holds at least one activity. */
    @Transactional
    public void requireActivities(ActivityFilter f) {
        Filter filter = f.filter();
        if (AssistanceProject.count(filter.query(), filter.params()) == 0) {
            throw new ApiException(404, cn.sc.countyeconomy.api.problem.ProblemType.NOT_FOUND,
                    "No project matches the filter; an IATI activity file holds at least one activity");
        }
    }

    @Transactional
    public void writeActivities(ActivityFilter f, OutputStream out) {
        Map<ProjectSector, IatiXml.DacSector> dac = dacSectors();
        Filter filter = f.filter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            IatiXml xml = new IatiXml(w);
            xml.startActivities(Instant.now(clock));
            for (int page = 0;; page++) {
                List<AssistanceProject> projects = AssistanceProject.<AssistanceProject>find(filter.query(), Sort.by("id"), filter.params())
                        .page(Page.of(page, PAGE)).list();
                if (projects.isEmpty()) {
                    break;
                }
                List<Long> ids = projects.stream().map(p -> p.id).toList();
                Map<Long, List<FundTransaction>> tx = FundTransaction.<FundTransaction>list("projectId in ?1", Sort.by("date").and("id"), ids)
                        .stream().collect(Collectors.groupingBy(t -> t.projectId));
                Map<Long, List<ResultIndicator>> results = ResultIndicator.<ResultIndicator>list("projectId in ?1", Sort.by("id"), ids)
                        .stream().collect(Collectors.groupingBy(i -> i.projectId));
                Map<Long, AssistingOrganisation> orgs = new HashMap<>();
                for (AssistanceProject p : projects) {
                    xml.activity(new IatiXml.ActivityData(p, tx.getOrDefault(p.id, List.of()), results.getOrDefault(p.id, List.of()),
                            dac.get(p.sector)), id -> orgs.computeIfAbsent(id, k -> AssistingOrganisation.findById(k)));
                }
                w.flush();
                em.clear();
            }
            xml.end();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing the IATI activity file failed", e));
        }
    }

    /** Refuses (404) when there is no organisation yet: an IATI organisation file holds at least one. */
    @Transactional
    public void requireOrganisations() {
        if (AssistingOrganisation.count() == 0) {
            throw new ApiException(404, cn.sc.countyeconomy.api.problem.ProblemType.NOT_FOUND,
                    "No assisting organisation is recorded yet; an IATI organisation file holds at least one organisation");
        }
    }

    /**
     * Every assisting organisation, with per calendar year the budget of the projects it leads (split by
     * {@link YearlyBudget}) and the money it disbursed (its disbursement transactions, corrections included).
     */
    @Transactional
    public void writeOrganisations(OutputStream out) {
        Map<Long, Map<Integer, BigDecimal>> budgets = new HashMap<>();
        for (AssistanceProject p : AssistanceProject.<AssistanceProject>listAll()) {
            for (YearlyBudget y : YearlyBudget.split(p.budget, p.plannedStart, p.plannedEnd)) {
                budgets.computeIfAbsent(p.leadOrganisationId, k -> new TreeMap<>()).merge(y.year(), y.amount(), BigDecimal::add);
            }
        }
        Map<Long, Map<Integer, BigDecimal>> disbursed = new HashMap<>();
        List<Object[]> rows = em.createQuery("select t.providerOrganisationId, year(t.date), sum(t.amount) from FundTransaction t "
                + "where t.type = :type and t.providerOrganisationId is not null group by t.providerOrganisationId, year(t.date)", Object[].class)
                .setParameter("type", TransactionType.DISBURSEMENT).getResultList();
        for (Object[] r : rows) {
            disbursed.computeIfAbsent((Long) r[0], k -> new TreeMap<>()).put(((Number) r[1]).intValue(), ((BigDecimal) r[2]).setScale(2));
        }
        em.clear();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            IatiXml xml = new IatiXml(w);
            xml.startOrganisations(Instant.now(clock));
            for (AssistingOrganisation o : AssistingOrganisation.<AssistingOrganisation>listAll(Sort.by("id"))) {
                xml.organisation(o, budgets.getOrDefault(o.id, Map.of()), disbursed.getOrDefault(o.id, Map.of()));
            }
            xml.end();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("writing the IATI organisation file failed", e));
        }
    }

    private Map<ProjectSector, IatiXml.DacSector> dacSectors() {
        Map<ProjectSector, IatiXml.DacSector> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select sector, dac_code, dac_name from sector_dac_code", Object[].class).getResultList();
        for (Object[] r : rows) {
            out.put(ProjectSector.valueOf((String) r[0]), new IatiXml.DacSector((String) r[1], (String) r[2]));
        }
        return out;
    }
}
