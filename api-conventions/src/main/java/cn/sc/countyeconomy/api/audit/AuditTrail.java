package cn.sc.countyeconomy.api.audit;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.query.Filter;
import cn.sc.countyeconomy.api.request.RequestIds;
import cn.sc.countyeconomy.api.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit record of a write, in the caller's transaction (so no write commits without its
 * record, and no record survives a rolled-back write). Before and after are reduced to the fields
 * that changed.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    static final SortFields SORT = SortFields.of("id", "id", "occurredAt", "occurredAt", "actor", "actor",
            "resourceType", "resourceType");

    /** A page of the trail, newest first unless the caller sorts otherwise. */
    public PageResult<AuditEntry> page(Filter filter, PageParams paging) {
        List<String> sort = paging.rawSort().isEmpty() ? List.of("id,desc") : paging.rawSort();
        return filter.page(em, AuditRecord.class, SORT.jpql(sort), paging, AuditEntry::of);
    }

    public AuditEntry entry(long id) {
        AuditRecord r = em.find(AuditRecord.class, id);
        if (r == null) {
            throw ApiException.notFound("Audit record", Long.toString(id));
        }
        return AuditEntry.of(r);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(String resourceType, Object resourceId, String action, Object before, Object after) {
        return record(resourceType, resourceId, action, before, after, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord record(String resourceType, Object resourceId, String action, Object before, Object after, String reason) {
        return record(caller.subject(), caller.roles(), resourceType, resourceId, action, before, after, reason);
    }

    /**
     * The audit record of a write the service makes by itself, not on a caller's request (e.g. reacting to
     * another service's change feed): {@code actor} names what made it (no roles).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord recordBySystem(String actor, String resourceType, Object resourceId, String action, Object before, Object after,
            String reason) {
        return record(actor, "", resourceType, resourceId, action, before, after, reason);
    }

    private AuditRecord record(String actor, String actorRoles, String resourceType, Object resourceId, String action, Object before,
            Object after, String reason) {
        JsonNode b = before == null ? null : json.valueToTree(before);
        JsonNode a = after == null ? null : json.valueToTree(after);
        if (b instanceof ObjectNode bo && a instanceof ObjectNode ao) {
            ObjectNode changedBefore = json.createObjectNode();
            ObjectNode changedAfter = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = ao.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode old = bo.get(e.getKey());
                if (old == null || !old.equals(e.getValue())) {
                    changedBefore.set(e.getKey(), old);
                    changedAfter.set(e.getKey(), e.getValue());
                }
            }
            for (Iterator<String> it = bo.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!ao.has(k)) {
                    changedBefore.set(k, bo.get(k));
                    changedAfter.putNull(k);
                }
            }
            b = changedBefore;
            a = changedAfter;
        }
        AuditRecord r = new AuditRecord();
        r.occurredAt = Instant.now(clock);
        r.actor = actor;
        r.actorRoles = actorRoles;
        r.requestId = RequestIds.current();
        r.resourceType = resourceType;
        r.resourceId = String.valueOf(resourceId);
        r.action = action;
        r.before = write(b);
        r.after = write(a);
        r.reason = reason;
        em.persist(r);
        return r;
    }

    private String write(JsonNode n) {
        if (n == null) {
            return null;
        }
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
