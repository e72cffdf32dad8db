package cn.sc.countyeconomy.api.audit;

import cn.sc.countyeconomy.api.paging.PageParams;
import cn.sc.countyeconomy.api.paging.PageResult;
import cn.sc.countyeconomy.api.paging.Paged;
import cn.sc.countyeconomy.api.paging.SortFields;
import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The trail of every successful write. Read-only: records cannot be changed or deleted.")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final SortFields SORT = SortFields.of("id", "id", "occurredAt", "occurredAt", "actor", "actor",
            "resourceType", "resourceType");

    @Inject
    EntityManager em;

    @GET
    @Operation(summary = "List audit records", description = "Admin only. Newest first unless sorted otherwise. "
            + "Sortable fields: id, occurredAt, actor, resourceType.")
    public Response list(@QueryParam("resourceType") @Parameter(description = "e.g. County") String resourceType,
                         @QueryParam("resourceId") String resourceId,
                         @QueryParam("actor") @Parameter(description = "Token subject of the writer") String actor,
                         @QueryParam("action") String action,
                         @QueryParam("from") @Parameter(description = "Earliest time, inclusive (ISO-8601 UTC)", example = "2026-01-01T00:00:00Z") String from,
                         @QueryParam("to") @Parameter(description = "Latest time, exclusive (ISO-8601 UTC)") String to,
                         @BeanParam PageParams paging,
                         @Context UriInfo uri) {
        StringBuilder where = new StringBuilder(" where 1=1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (resourceType != null) {
            where.append(" and resourceType = :rt");
            params.put("rt", resourceType);
        }
        if (resourceId != null) {
            where.append(" and resourceId = :rid");
            params.put("rid", resourceId);
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action);
        }
        if (from != null) {
            where.append(" and occurredAt >= :from");
            params.put("from", instant("from", from));
        }
        if (to != null) {
            where.append(" and occurredAt < :to");
            params.put("to", instant("to", to));
        }
        List<String> sort = paging.rawSort().isEmpty() ? List.of("id,desc") : paging.rawSort();
        List<String> orderBy = new ArrayList<>();
        for (SortFields.Order o : SORT.parse(sort)) {
            orderBy.add(o.property() + (o.ascending() ? " asc" : " desc"));
        }
        TypedQuery<AuditRecord> q = em.createQuery("from AuditRecord" + where + " order by " + String.join(", ", orderBy), AuditRecord.class);
        TypedQuery<Long> c = em.createQuery("select count(*) from AuditRecord" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            c.setParameter(k, v);
        });
        List<AuditEntry> items = q.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList()
                .stream().map(AuditEntry::of).toList();
        return Paged.ok(PageResult.of(items, paging, c.getSingleResult()), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one audit record")
    public AuditEntry get(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("id", "must be a whole number");
        }
        AuditRecord r = em.find(AuditRecord.class, n);
        if (r == null) {
            throw ApiException.notFound("Audit record", id);
        }
        return AuditEntry.of(r);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be an ISO-8601 UTC timestamp such as 2026-01-01T00:00:00Z");
        }
    }
}
