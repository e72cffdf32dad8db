package cn.sc.countyeconomy.assistance.service;

import cn.sc.countyeconomy.api.audit.AuditTrail;
import cn.sc.countyeconomy.api.concurrency.Preconditions;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.CountyScope;
import cn.sc.countyeconomy.assistance.TaskForceTask;
import cn.sc.countyeconomy.assistance.TaskForceTask.TaskStatus;
import cn.sc.countyeconomy.assistance.mapping.Commands.NewTask;
import cn.sc.countyeconomy.assistance.mapping.Commands.TaskUpdate;
import cn.sc.countyeconomy.assistance.mapping.Views.TaskView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The task force's list: every task with a responsible unit and a deadline; overdue is computed. */
@ApplicationScoped
public class TaskService {

    public static final String RESOURCE = "Task";

    @Inject
    AuditTrail audit;
    @Inject
    CountyScope scope;
    @Inject
    Today today;
    @Inject
    EntityManager em;

    public TaskForceTask get(long id) {
        return TaskForceTask.<TaskForceTask>findByIdOptional(id).orElseThrow(() -> ApiException.notFound(RESOURCE, id));
    }

    @Transactional
    public TaskView create(NewTask cmd) {
        scope.requireWrite(cmd.countyCode());
        TaskForceTask t = new TaskForceTask();
        t.countyCode = cmd.countyCode();
        t.title = cmd.title().strip();
        t.responsibleUnit = cmd.responsibleUnit().strip();
        t.deadline = cmd.deadline();
        t.status = TaskStatus.OPEN;
        t.evidenceUrl = cmd.evidenceUrl();
        t.persist();
        em.flush();
        TaskView v = TaskView.of(t, today.date());
        audit.record(RESOURCE, t.id, "CREATE", null, v);
        return v;
    }

    @Transactional
    public TaskView update(long id, String ifMatch, TaskUpdate cmd) {
        TaskForceTask t = get(id);
        scope.requireWrite(t.countyCode);
        Preconditions.requireMatch(ifMatch, t.version);
        if (cmd.status() == TaskStatus.DONE && cmd.completedOn() == null) {
            throw ApiException.validation("completedOn", "a task marked DONE needs the date it was completed");
        }
        if (cmd.status() != TaskStatus.DONE && cmd.completedOn() != null) {
            throw ApiException.validation("completedOn", "only a DONE task has a completion date");
        }
        if (cmd.completedOn() != null && cmd.completedOn().isAfter(today.date())) {
            throw ApiException.validation("completedOn", "cannot be in the future");
        }
        TaskView before = TaskView.of(t, today.date());
        t.title = cmd.title().strip();
        t.responsibleUnit = cmd.responsibleUnit().strip();
        t.deadline = cmd.deadline();
        t.status = cmd.status();
        t.completedOn = cmd.completedOn();
        t.evidenceUrl = cmd.evidenceUrl();
        em.flush();
        TaskView after = TaskView.of(t, today.date());
        audit.record(RESOURCE, t.id, "UPDATE", before, after);
        return after;
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        TaskForceTask t = get(id);
        scope.requireWrite(t.countyCode);
        Preconditions.requireMatch(ifMatch, t.version);
        TaskView before = TaskView.of(t, today.date());
        t.delete();
        em.flush();
        audit.record(RESOURCE, id, "DELETE", before, null);
    }
}
