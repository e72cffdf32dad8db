package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.TaskForceTask.TaskStatus;
import cn.sc.countyeconomy.assistance.api.NewTask;
import cn.sc.countyeconomy.assistance.api.TaskUpdate;
import cn.sc.countyeconomy.assistance.api.TaskView;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties;
import cn.sc.countyeconomy.assistance.client.UnderdevelopedCounties.DesignatedPeriod;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

/** The task force's list: every task with a responsible unit and a deadline; overdue is computed. */
@ApplicationScoped
public class TaskService {

    public static final String RESOURCE = "Task";

    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    UnderdevelopedCounties eligibility;

    /** A task falls due on its deadline: the county must be designated underdeveloped on that day. */
    public DesignatedPeriod checkEligibility(NewTask cmd) {
        return eligibility.requireDesignatedThroughout(cmd.countyCode(), cmd.deadline(), cmd.deadline());
    }

    /** A moved deadline is checked again, as a create is; an update that keeps the deadline asks nothing (null). */
    public DesignatedPeriod checkEligibility(long id, TaskUpdate cmd) {
        TaskForceTask t = find(id);
        if (cmd.deadline().equals(t.deadline)) {
            return null;
        }
        return eligibility.requireDesignatedThroughout(t.countyCode, cmd.deadline(), cmd.deadline());
    }

    /**
     * overdue true: the overdue tasks (deadline passed as of today, not DONE); false: the others;
     * null: all.
     */
    public PageResult<TaskView> list(String countyCode, TaskStatus status, Boolean overdue, Sort sort, PageParams page) {
        LocalDate today = LocalDate.now(clock);
        Filter f = Filter.where().eq("countyCode", countyCode).eq("status", status);
        if (Boolean.TRUE.equals(overdue)) {
            f.in("status", EnumSet.complementOf(EnumSet.of(TaskStatus.DONE))).before("deadline", today);
        } else if (Boolean.FALSE.equals(overdue)) {
            f.anyOf(a -> a.eq("status", TaskStatus.DONE), a -> a.atLeast("deadline", today));
        }
        return PageResult.of(f.find(TaskForceTask.class, sort), page, t -> TaskView.of(t, today));
    }

    public TaskView get(long id) {
        return TaskView.of(find(id), LocalDate.now(clock));
    }

    private static TaskForceTask find(long id) {
        return TaskForceTask.<TaskForceTask>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    @Transactional
    public TaskView create(NewTask cmd, DesignatedPeriod designation) {
        designation.require(cmd.countyCode(), cmd.deadline(), cmd.deadline());
        TaskForceTask t = new TaskForceTask();
        t.countyCode = cmd.countyCode();
        t.title = cmd.title().strip();
        t.responsibleUnit = cmd.responsibleUnit().strip();
        t.deadline = cmd.deadline();
        t.status = TaskStatus.OPEN;
        t.evidenceUrl = cmd.evidenceUrl();
        t.persist();
        em.flush();
        TaskView v = TaskView.of(t, LocalDate.now(clock));
        audit.record(RESOURCE, t.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public TaskView update(long id, String ifMatch, TaskUpdate cmd, DesignatedPeriod designation) {
        TaskForceTask t = find(id);
        Preconditions.requireMatch(ifMatch, t.version);
        if (!cmd.deadline().equals(t.deadline)) {
            if (designation == null) {
                throw ApiException.conflict("Task " + id + " was changed meanwhile; read it again and retry");
            }
            designation.require(t.countyCode, cmd.deadline(), cmd.deadline());
        }
        if (cmd.status() == TaskStatus.DONE && cmd.completedOn() == null) {
            throw ApiException.validation("completedOn", "a task marked DONE needs the date it was completed");
        }
        if (cmd.status() != TaskStatus.DONE && cmd.completedOn() != null) {
            throw ApiException.validation("completedOn", "only a DONE task has a completion date");
        }
        if (cmd.completedOn() != null && cmd.completedOn().isAfter(LocalDate.now(clock))) {
            throw ApiException.validation("completedOn", "cannot be in the future");
        }
        TaskView before = TaskView.of(t, LocalDate.now(clock));
        t.title = cmd.title().strip();
        t.responsibleUnit = cmd.responsibleUnit().strip();
        t.deadline = cmd.deadline();
        t.status = cmd.status();
        t.completedOn = cmd.completedOn();
        t.evidenceUrl = cmd.evidenceUrl();
        em.flush();
        TaskView after = TaskView.of(t, LocalDate.now(clock));
        audit.record(RESOURCE, t.id, "UPDATE", before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        TaskForceTask t = find(id);
        Preconditions.requireMatch(ifMatch, t.version);
        TaskView before = TaskView.of(t, LocalDate.now(clock));
        t.delete();
        em.flush();
        audit.record(RESOURCE, id, "DELETE", before, null);
    }
}
