package cn.sc.countyeconomy.reformpilot.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.Problem;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.reformpilot.Pilot;
import cn.sc.countyeconomy.reformpilot.Program;
import cn.sc.countyeconomy.reformpilot.ProgramBatch;
import cn.sc.countyeconomy.reformpilot.ReformArea;
import cn.sc.countyeconomy.reformpilot.api.NewProgram;
import cn.sc.countyeconomy.reformpilot.api.NewProgramBatch;
import cn.sc.countyeconomy.reformpilot.api.ProgramView;
import cn.sc.countyeconomy.reformpilot.api.ReformAreaView;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Programmes: reference data kept by admins. */
@ApplicationScoped
public class ProgramService {

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    public ProgramView get(long id) {
        return ProgramView.of(require(id));
    }

    private static Program require(long id) {
        return Program.<Program>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Program", id));
    }

    /** Every programme, one page. */
    public PageResult<ProgramView> list(Sort sort, PageParams paging) {
        return PageResult.of(Filter.where().find(Program.class, sort), paging, ProgramView::of);
    }

    /** The reform areas, in their published order. */
    public List<ReformAreaView> reformAreas() {
        return ReformArea.<ReformArea>listAll(Sort.by("ordinal")).stream().map(ReformAreaView::of).toList();
    }

    public ReformAreaView reformArea(String code) {
        return ReformArea.<ReformArea>findByIdOptional(code).map(ReformAreaView::of)
                .orElseThrow(() -> ApiException.notFound("ReformArea", code));
    }

    @Transactional
    public ProgramView create(NewProgram r) {
        if (Program.count("code", r.code()) > 0) {
            throw ApiException.conflict("A programme with code " + r.code() + " exists already").with("code", r.code());
        }
        Program p = new Program();
        apply(p, r);
        p.persist();
        em.flush();
        ProgramView created = ProgramView.of(p);
        audit.record("Program", p.id, "CREATE", null, created);
        return created;
    }

    @Transactional
    public ProgramView update(long id, String ifMatch, NewProgram r) {
        Program p = require(id);
        Preconditions.requireMatch(ifMatch, p.version);
        if (!p.code.equals(r.code()) && Program.count("code", r.code()) > 0) {
            throw ApiException.conflict("A programme with code " + r.code() + " exists already").with("code", r.code());
        }
        ProgramView before = ProgramView.of(p);
        Set<Integer> used = new TreeSet<>(Pilot.<Pilot>find("programId", id).stream().map(x -> x.batch).toList());
        apply(p, r);
        for (int b : used) {
            if (!p.hasBatch(b)) {
                throw ApiException.rule("batch-in-use", "Batch " + b + " has pilots and cannot be removed");
            }
        }
        em.flush();
        ProgramView after = ProgramView.of(p);
        audit.record("Program", p.id, "UPDATE", before, after);
        return after;
    }

    private void apply(Program p, NewProgram r) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < r.reformAreas().size(); i++) {
            if (ReformArea.findById(r.reformAreas().get(i)) == null) {
                violations.add(new Problem.Violation("reformAreas[" + i + "]", "unknown reform area '"
                        + r.reformAreas().get(i) + "'; see GET /api/v1/reform-areas"));
            }
        }
        List<NewProgramBatch> batches = r.batches() == null ? List.of() : r.batches();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < batches.size(); i++) {
            if (!numbers.add(batches.get(i).number())) {
                violations.add(new Problem.Violation("batches[" + i + "].number", "batch " + batches.get(i).number() + " is listed twice"));
            }
        }
        if (r.launchDate() != null && r.deadline() != null && r.deadline().isBefore(r.launchDate())) {
            violations.add(new Problem.Violation("deadline", "must not be before launchDate " + r.launchDate()));
        }
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations);
        }
        p.code = r.code();
        p.nameZh = r.name();
        p.nameEn = r.nameEn();
        p.approvingBody = r.approvingBody();
        p.launchDate = r.launchDate();
        p.deadline = r.deadline();
        p.deadlineNote = r.deadlineNote();
        p.source = r.source();
        p.sourceNote = r.sourceNote();
        p.areaCodes.clear();
        p.areaCodes.addAll(r.reformAreas());
        p.batches.clear();
        batches.stream().sorted(Comparator.comparing(NewProgramBatch::number))
                .forEach(b -> p.batches.add(new ProgramBatch(b.number(), b.announcedOn(), b.source())));
    }
}
