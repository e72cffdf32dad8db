package cn.sc.countyeconomy.registry.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The change-feed sequence as this replica knows it, without a database round trip per read.
 * Every write of the register moves the sequence (the single row of change_counter, updated in
 * the writing transaction), and a trigger on that row notifies channel {@value #CHANNEL} when the
 * transaction commits (V5). One connection per replica listens and keeps the highest sequence it
 * heard; it also reads the sequence every {@code registry.sequence.check-ms} (which proves the
 * connection alive) and reconnects after a failure. A write of this replica advances the sequence
 * as soon as its transaction has committed, so a client reads its own write at once; another
 * replica sees it after the notification's delay (milliseconds). While not listening (at start, or
 * after losing the connection) every read asks the database, as before: never an answer older than
 * the last notification received.
 */
@ApplicationScoped
public class FeedSequence {

    static final String CHANNEL = "registry_changes";
    private static final Logger LOG = Logger.getLogger(FeedSequence.class);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "registry.sequence.check-ms", defaultValue = "1000")
    int checkMs;

    private final AtomicLong known = new AtomicLong(-1);
    private volatile boolean listening;
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
        return listening;
    }

    /** The current sequence, or -1 when it has to be read from the database. */
    public long known() {
        return listening ? known.get() : -1;
    }

    /** Called once a write of this replica has committed. */
    public void advanceTo(long sequence) {
        known.accumulateAndGet(sequence, Math::max);
    }

    private void listen() {
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                advanceTo(read(c)); // after LISTEN: no commit after this read goes unheard
                listening = true;
                while (!stopping) {
                    PGNotification[] heard = pg.getNotifications(checkMs);
                    if (heard == null || heard.length == 0) {
                        advanceTo(read(c));
                        continue;
                    }
                    for (PGNotification n : heard) {
                        advanceTo(Long.parseLong(n.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                listening = false;
                if (!stopping) {
                    LOG.warnf("change-feed sequence: not listening (%s); reads ask the database until it is back", ex.getMessage());
                    sleep();
                }
            }
        }
        listening = false;
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
