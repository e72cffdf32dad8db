package cn.sc.countyeconomy.registry.client;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keeps {@link RegistryCopy} up to date from the registry's change feed. Every
 * {@code registry.follow.interval} (default 10s; {@code off} disables the timer, e.g. in tests, which
 * call {@link #sync()} themselves) it reads {@code /api/v1/changes?after=<stored cursor>} page by page
 * and applies each page and its new cursor in one transaction ({@link RegistryCopyStore#apply}).
 *
 * <p>A <b>full load</b> (head read first, then the county versions, all category assignments,
 * all designations and the division changes (their lineage), replacing the copy in one transaction, cursor = that head) happens when
 * <ul>
 * <li>the copy is empty (never loaded);</li>
 * <li>the stored cursor is unknown to the registry: the feed's {@code headSequence} is below it (the
 * registry's database was restored from an older state);</li>
 * <li>the cursor is too old: the registry's head is above the cursor but it answers no events after
 * it (the events were pruned);</li>
 * <li>a migration of the copy's tables asked for it (a table added since the copy was loaded);</li>
 * <li>on demand ({@link #resync()}).</li>
 * </ul>
 * When the registry cannot be reached the copy is left as it is (reads go on from it), the failure is
 * logged once (at WARN, then DEBUG until it is reached again) and the next interval tries again.
 * After a commit that changed facts it fires {@link RegistryFactsChanged}.
 */
@ApplicationScoped
@IfBuildProperty(name = "registry.copy.enabled", stringValue = "true")
public class RegistryFollower {

    private static final Logger LOG = Logger.getLogger(RegistryFollower.class);

    /** What one call of {@link #sync()} did. */
    public record SyncResult(boolean fullLoad, int eventsApplied, long cursor) {
    }

    @Inject
    CountyRegistry registry;
    @Inject
    RegistryCopyStore store;
    @Inject
    Event<RegistryFactsChanged> changed;

    @ConfigProperty(name = "registry.follow.page-size", defaultValue = "500")
    int pageSize;
    @ConfigProperty(name = "registry.follow.max-pages", defaultValue = "100")
    int maxPages;
    @ConfigProperty(name = "registry.follow.sync-at-start", defaultValue = "true")
    boolean syncAtStart;

    Clock clock = Clock.systemUTC();

    private volatile Instant lastSuccess;
    private volatile Instant lastAttempt;
    private volatile String lastError;
    private volatile boolean reachable;

    void start(@Observes @Priority(50) StartupEvent e) throws SQLException {
        store.migrate();
        if (syncAtStart) {
            poll();
        }
    }

    @Scheduled(identity = "registry-follower", every = "${registry.follow.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        poll();
    }

    /** One round of following, never throwing: a failure is recorded for the health check and logged once. */
    public void poll() {
        try {
            sync();
        } catch (RuntimeException | SQLException e) {
            // recorded by sync(); the copy keeps serving
        }
    }

    /** Follows the feed to its head now (a full load where needed); throws when the registry cannot be reached. */
    public synchronized SyncResult sync() throws SQLException {
        return run(false);
    }

    /** Loads the whole copy again from the registry's lists now, then follows the feed to its head. */
    public synchronized SyncResult resync() throws SQLException {
        return run(true);
    }

    private SyncResult run(boolean forceFull) throws SQLException {
        lastAttempt = Instant.now(clock);
        try {
            SyncResult r = follow(forceFull);
            if (!reachable && lastError != null) {
                LOG.infof("county-registry-service reached again; local copy at sequence %d", r.cursor());
            }
            reachable = true;
            lastError = null;
            lastSuccess = Instant.now(clock);
            return r;
        } catch (RuntimeException e) {
            if (reachable || lastError == null) {
                LOG.warnf("Cannot follow county-registry-service's change feed (%s); serving registry facts from the local copy, retrying "
                        + "every interval", e.getMessage());
            } else {
                LOG.debugf("county-registry-service still unreachable: %s", e.getMessage());
            }
            reachable = false;
            lastError = String.valueOf(e.getMessage());
            throw e;
        }
    }

    private SyncResult follow(boolean forceFull) throws SQLException {
        OptionalLong stored = store.cursor();
        boolean full = forceFull || stored.isEmpty() || store.fullLoadDue();
        long cursor;
        if (full && !forceFull && stored.isPresent()) {
            // a copy made before a schema migration that needs a reload (its lineage): if the reload fails, the copy
            // still follows the feed from its cursor in this round, and the reload is tried again at the next
            try {
                cursor = load();
            } catch (RuntimeException e) {
                LOG.warnf("The reload due of the local registry copy failed (%s); following the feed from cursor %d meanwhile", e.getMessage(),
                        stored.getAsLong());
                full = false;
                cursor = stored.getAsLong();
            }
        } else {
            cursor = full ? load() : stored.getAsLong();
        }
        int applied = 0;
        for (int i = 0; i < maxPages; i++) {
            RegistryFeedPage page = registry.changes(cursor, pageSize);
            if (page.headSequence() < cursor || page.events().isEmpty() && !page.hasMore() && page.headSequence() > cursor) {
                if (full) {
                    throw new IllegalStateException("county-registry-service's feed contradicts the load just made (head " + page.headSequence()
                            + ", cursor " + cursor + ")");
                }
                LOG.infof("Local registry copy: cursor %d %s (feed head %d); loading the copy again", cursor,
                        page.headSequence() < cursor ? "is unknown to the registry" : "is older than the feed holds", page.headSequence());
                full = true;
                cursor = load();
                continue;
            }
            if (page.events().isEmpty()) {
                break;
            }
            if (apply(cursor, page)) {
                applied += page.events().size();
            }
            // applied here or by another replica: either way the copy now stands at this page's end
            cursor = page.lastSequence();
            if (!page.hasMore()) {
                break;
            }
        }
        return new SyncResult(full, applied, cursor);
    }

    /**
     * Applies one page of the feed read after {@code after}, with its new cursor, in one transaction,
     * if the stored cursor is still {@code after}; answers whether it did (false: another replica did).
     * Fires {@link RegistryFactsChanged} after the commit when it did.
     */
    public boolean apply(long after, RegistryFeedPage page) throws SQLException {
        boolean done = store.apply(after, page, Instant.now(clock));
        if (done && !page.events().isEmpty()) {
            changed.fire(new RegistryFactsChanged(page.events(), false));
        }
        return done;
    }

    /** The full load; answers the head it stands at. */
    private long load() throws SQLException {
        long head = registry.changes(0, 1).headSequence();
        store.replaceAll(head, registry.countyVersions(), registry.allCategoryAssignments(), registry.allDesignations(), registry.divisionChanges(),
                Instant.now(clock));
        LOG.infof("Local registry copy loaded at feed sequence %d", head);
        changed.fire(new RegistryFactsChanged(List.of(), true));
        return head;
    }

    /** When a round last reached the registry and followed the feed to its head (null: never since start). */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    public Instant lastAttempt() {
        return lastAttempt;
    }

    /** The last round's failure, null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    public boolean reachable() {
        return reachable;
    }

    RegistryCopyStore store() {
        return store;
    }
}
