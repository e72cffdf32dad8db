package cn.sc.countyeconomy.registry.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change-feed sequence as this replica knows it, without a database round trip per read.
 * Every write of the register moves the sequence (the single row of change_counter, updated in
 * the writing transaction), and a trigger on that row notifies channel {@value #CHANNEL} when the
 * transaction commits (V5). One connection per replica listens and keeps the highest sequence it
 * heard; it also reads the sequence every {@code registry.sequence.check-ms} (which proves the
 * connection alive) and reconnects after a failure. A write of this replica advances the sequence
 * as soon as its transaction has committed, so a client reads its own write at once; another
 * replica sees it after the notification's delay (milliseconds).
 * <p>
 * The known sequence is trusted only while the listening connection is up and has proved itself
 * alive within three check periods: after losing the connection (the database restarted, the
 * backend was terminated, the network went silent) every read asks the database, as before the
 * caches, until the listener has reconnected and read the sequence again after its new LISTEN; a
 * notification sent while nobody listened is therefore never missed.
 * <p>
 * The connection is the listener's own, not one of the pool's: it is held for the replica's life,
 * and one the server has closed under it must not go back to the pool. It shows in pg_stat_activity
 * as application {@value #APPLICATION_NAME}.
 */
@ApplicationScoped
public class FeedSequence {

    static final String CHANNEL = "registry_changes";
    public static final String APPLICATION_NAME = "registry-feed-sequence";
    private static final Logger LOG = Logger.getLogger(FeedSequence.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "registry.sequence.check-ms", defaultValue = "1000")
    int checkMs;

    private final AtomicLong known = new AtomicLong(-1);
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong losses = new AtomicLong();
    private volatile boolean listening;
    private volatile long aliveAtNanos;
    private volatile boolean stopping;
    private Thread listener;

    void start(@Observes StartupEvent e) {
        listener = new Thread(this::listen, "registry-feed-sequence");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whether the sequence is known without asking the database. */
    public boolean listening() {
        return listening && System.nanoTime() - aliveAtNanos < TimeUnit.MILLISECONDS.toNanos(3L * Math.max(100, checkMs));
    }

    /** The current sequence, or -1 when it has to be read from the database. */
    public long known() {
        return listening() ? known.get() : -1;
    }

    /** How many times the listener has (re)connected and started listening. */
    public long connects() {
        return connects.get();
    }

    /** How many times the listener has lost its connection. */
    public long losses() {
        return losses.get();
    }

    /** Called once a write of this replica has committed. */
    public void advanceTo(long sequence) {
        known.accumulateAndGet(sequence, Math::max);
    }

    private void listen() {
        while (!stopping) {
            try (Connection c = connect()) {
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                heard(read(c)); // after LISTEN: no commit after this read goes unheard
                listening = true;
                connects.incrementAndGet();
                while (!stopping) {
                    PGNotification[] heard = pg.getNotifications(checkMs);
                    if (heard == null || heard.length == 0) {
                        heard(read(c));
                        continue;
                    }
                    for (PGNotification n : heard) {
                        advanceTo(Long.parseLong(n.getParameter()));
                    }
                    aliveAtNanos = System.nanoTime();
                }
            } catch (SQLException | RuntimeException ex) {
                boolean wasListening = listening;
                listening = false;
                if (wasListening) {
                    losses.incrementAndGet();
                }
                if (!stopping) {
                    LOG.warnf("change-feed sequence: not listening (%s); reads ask the database until it is back", ex.getMessage());
                    sleep();
                }
            }
        }
        listening = false;
    }

    private void heard(long sequence) {
        advanceTo(sequence);
        aliveAtNanos = System.nanoTime();
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        username.ifPresent(u -> props.setProperty(PGProperty.USER.getName(), u));
        password.ifPresent(p -> props.setProperty(PGProperty.PASSWORD.getName(), p));
        props.setProperty(PGProperty.APPLICATION_NAME.getName(), APPLICATION_NAME);
        props.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        // a silent network must not block the check read for ever: it fails, and the listener reconnects
        props.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), Integer.toString(Math.max(5, 3 * checkMs / 1000)));
        props.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "5");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private static long read(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_value FROM change_counter WHERE id = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(Math.max(100, checkMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
