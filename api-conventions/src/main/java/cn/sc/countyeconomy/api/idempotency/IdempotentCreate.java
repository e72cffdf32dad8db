package cn.sc.countyeconomy.api.idempotency;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.problem.ProblemType;
import cn.sc.countyeconomy.api.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotent creates. The same key with the same request gives back the first answer (status,
 * Location, body) without creating again; the same key with another request is a 422. The key is
 * reserved before the create runs: a transaction-scoped PostgreSQL advisory lock on a hash of
 * caller and key, taken first in the create's transaction. A concurrent duplicate therefore waits
 * for the first request's transaction to end and then finds its record and replays its answer; if
 * the first one takes longer than {@code api.idempotency.wait}, the duplicate is answered 409
 * "in progress" with Retry-After instead. The record is written in the same transaction as what
 * the create wrote, so either both exist or neither, and a lock cannot outlive its request (a
 * crash or a rollback releases it). Keys are scoped to the caller and kept for
 * {@code api.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentCreate {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndAddModules()
            .build();

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "api.idempotency.retention", defaultValue = "PT48H")
    Duration retention;

    /** How long a duplicate waits for the first request with its key before it is answered 409 in progress. */
    @ConfigProperty(name = "api.idempotency.wait", defaultValue = "PT10S")
    Duration waitForFirst;

    /** Retry-After (seconds) of the 409 answered to a duplicate whose first request is still running. */
    static final int IN_PROGRESS_RETRY_AFTER = 1;

    /**
     * The one way to answer a create: runs {@code create} once per key (every time when no key is
     * given) and answers 201 with Location, body and ETag, or the first answer again for a repeated
     * key. {@code request} is the parsed body, compared in canonical JSON form.
     */
    public Response created(String key, Object request, UriInfo uri, Supplier<Created> create) {
        return create(key, request, uri, () -> create.get().toResponse(uri));
    }

    /**
     * Runs {@code create} once per key, for a create whose answer is not a plain 201 (a 202 with a
     * job to follow, for example); {@link #created} is the usual way. {@code request} is the parsed body (or any value that
     * identifies the request); it is compared in canonical JSON form.
     */
    @Transactional
    public Response create(String key, Object request, UriInfo uri, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ApiException.invalidParameter("header.Idempotency-Key", "must be 1 to 255 characters");
        }
        String principal = caller.subject();
        String path = uri.getRequestUri().getRawPath();
        String hash = hash("POST " + path + "\n" + canonical(request));
        Instant now = Instant.now(clock);

        reserve(principal, key);
        List<IdempotencyRecord> existing = em.createQuery(
                "from IdempotencyRecord where principal = :p and key = :k", IdempotencyRecord.class)
                .setParameter("p", principal).setParameter("k", key).getResultList();
        for (IdempotencyRecord r : existing) {
            if (r.createdAt.isBefore(now.minus(retention))) {
                em.remove(r);
                em.flush();
                continue;
            }
            if (!r.requestHash.equals(hash)) {
                throw new ApiException(422, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key '" + key + "' was first used at " + r.createdAt + " for "
                                + r.method + " " + r.path + " with a different body; use a new key for a new request");
            }
            Response.ResponseBuilder b = Response.status(r.status).header(REPLAYED, "true");
            if (r.location != null) {
                b.header("Location", r.location);
            }
            if (r.responseBody != null) {
                b.entity(r.responseBody).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return b.build();
        }

        Response answer = create.get();
        if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
            IdempotencyRecord r = new IdempotencyRecord();
            r.principal = principal;
            r.key = key;
            r.requestHash = hash;
            r.method = "POST";
            r.path = path;
            r.status = answer.getStatus();
            r.location = answer.getLocation() == null ? null : answer.getLocation().toString();
            r.responseBody = answer.hasEntity() ? write(answer.getEntity()) : null;
            r.createdAt = now;
            try {
                em.persist(r);
                em.flush();
            } catch (PersistenceException e) {
                throw ApiException.conflict("Another request with Idempotency-Key '" + key
                        + "' was processed at the same moment; retry to receive its answer");
            }
        }
        return answer;
    }

    /**
     * Takes the key's advisory lock for the rest of this transaction, waiting at most
     * {@link #waitForFirst} for a request holding it (the first one with this key).
     */
    private void reserve(String principal, String key) {
        em.createNativeQuery("SELECT set_config('lock_timeout', :t, true)")
                .setParameter("t", waitForFirst.toMillis() + "ms").getSingleResult();
        try {
            em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(:id) AS TEXT)").setParameter("id", lockId(principal, key)).getSingleResult();
            em.createNativeQuery("SELECT set_config('lock_timeout', '0', true)").getSingleResult();
        } catch (PersistenceException e) {
            if (lockNotAvailable(e)) {
                throw new ApiException(409, ProblemType.CONFLICT, "A request with Idempotency-Key '" + key
                        + "' is still in progress; retry after " + IN_PROGRESS_RETRY_AFTER + " s to receive its answer")
                        .with("idempotencyKeyState", "IN_PROGRESS").with("retryAfterSeconds", IN_PROGRESS_RETRY_AFTER)
                        .header("Retry-After", Integer.toString(IN_PROGRESS_RETRY_AFTER));
            }
            throw e;
        }
    }

    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && "55P03".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The advisory lock id of a caller's key (the first 8 bytes of a SHA-256; tests take it to force a race). */
    public static long lockId(String principal, String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("idempotency\n" + principal + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        em.createQuery("delete from IdempotencyRecord where createdAt < :cutoff")
                .setParameter("cutoff", Instant.now(clock).minus(retention)).executeUpdate();
    }

    private String write(Object entity) {
        if (entity instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of an idempotent create", e);
        }
    }

    static String canonical(Object request) {
        try {
            return request == null ? "" : CANONICAL.writeValueAsString(CANONICAL.valueToTree(request));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return String.valueOf(request);
        }
    }

    static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
