package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.assessment.IndicatorValue;
import cn.sc.countyeconomy.assessment.api.NewValue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The write of an import at the speed of the database: the accepted values go to a staging table of
 * the session with PostgreSQL's COPY (the driver's CopyManager, under Agroal's wrapper), then one
 * INSERT ... ON CONFLICT DO UPDATE merges them into indicator_value. Runs on the import's own
 * connection, so inside its transaction: a failure rolls the whole import back.
 */
final class ValueCopy {

    /** Emptied by each merge and at every commit; it outlives a transaction only in the pooled session, empty. */
    private static final String STAGING = "CREATE TEMP TABLE IF NOT EXISTS value_import (id BIGINT NOT NULL, county_code TEXT NOT NULL,"
            + " indicator_code TEXT NOT NULL, value NUMERIC(24, 6) NOT NULL, flag TEXT, source TEXT) ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY value_import (id, county_code, indicator_code, value, flag, source) FROM STDIN (FORMAT csv)";
    /** Empties the staging table as it reads it: one transaction may import several years (demo data). */
    private static final String MERGE = "WITH staged AS (DELETE FROM value_import RETURNING *)"
            + " INSERT INTO indicator_value (id, county_code, year, indicator_code, value, synthetic, source, flag, updated_at)"
            + " SELECT id, county_code, ?, indicator_code, value, ?, source, flag, ? FROM staged"
            + " ON CONFLICT ON CONSTRAINT indicator_value_key DO UPDATE SET value = EXCLUDED.value, synthetic = EXCLUDED.synthetic,"
            + " source = EXCLUDED.source, flag = EXCLUDED.flag, updated_at = EXCLUDED.updated_at";
    /** A batch of values none of which is stored yet goes straight into the table, in one pass as psql's \\copy would. */
    private static final String COPY_DIRECT = "COPY indicator_value (id, county_code, year, indicator_code, value, synthetic, source, flag,"
            + " updated_at) FROM STDIN (FORMAT csv)";
    private static final int CHUNK = 1 << 16;

    private ValueCopy() {
    }

    /**
     * Writes the batch's accepted values. When none of them is stored yet (a first import of these counties' year),
     * COPY writes them straight into indicator_value: no conflict is possible, since the stored values of these
     * counties were read under their workflow states' row locks, which this transaction holds (a concurrent import
     * of one of them waits for it), and a failure still rolls the whole import back. Otherwise COPY into the
     * staging table and one merge.
     */
    static void write(Connection connection, ImportBatch batch, int fresh, boolean synthetic, Instant now) throws SQLException {
        Deque<Long> ids = ids(connection, fresh);
        boolean direct = fresh == batch.good.size();
        if (!direct) {
            try (Statement st = connection.createStatement()) {
                st.execute(STAGING);
            }
        }
        String year = Integer.toString(batch.year);
        String tail = "," + synthetic + ",";
        String updated = "," + now.truncatedTo(java.time.temporal.ChronoUnit.MICROS) + "\n";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(direct ? COPY_DIRECT : COPY);
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(CHUNK + 1024);
            StringBuilder row = new StringBuilder(128);
            for (ImportBatch.Accepted g : batch.good) {
                NewValue v = g.input();
                row.setLength(0);
                if (direct) {
                    row.append(ids.removeFirst()).append(',');
                    quoted(row, v.countyCode()).append(',').append(year).append(',');
                    quoted(row, v.indicatorCode()).append(',').append(g.value().toPlainString()).append(tail);
                    quoted(row, v.source()).append(',');
                    quoted(row, g.flag()).append(updated);
                } else {
                    Long stored = batch.existing.get(v.countyCode() + "|" + v.indicatorCode());
                    row.append(stored == null ? ids.removeFirst() : stored).append(',');
                    quoted(row, v.countyCode()).append(',');
                    quoted(row, v.indicatorCode()).append(',').append(g.value().toPlainString()).append(',');
                    quoted(row, g.flag()).append(',');
                    quoted(row, v.source()).append('\n');
                }
                buf.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
                if (buf.size() >= CHUNK) {
                    copy.writeToCopy(buf.toByteArray(), 0, buf.size());
                    buf.reset();
                }
            }
            if (buf.size() > 0) {
                copy.writeToCopy(buf.toByteArray(), 0, buf.size());
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        if (direct) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            merge.setInt(1, batch.year);
            merge.setBoolean(2, synthetic);
            merge.setTimestamp(3, Timestamp.from(now));
            merge.executeUpdate();
        }
    }

    /**
     * {@code count} new ids, in whole blocks from the sequence as Hibernate's pooled optimiser takes
     * them: a block's number is its highest id, so no id is ever handed out twice.
     */
    private static Deque<Long> ids(Connection connection, int count) throws SQLException {
        Deque<Long> ids = new ArrayDeque<>(count);
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT nextval('indicator_value_ids') FROM generate_series(1, ?)")) {
            st.setInt(1, (count + IndicatorValue.ID_BLOCK - 1) / IndicatorValue.ID_BLOCK);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next() && ids.size() < count) {
                    long high = rs.getLong(1);
                    for (long id = high - IndicatorValue.ID_BLOCK + 1; id <= high && ids.size() < count; id++) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    /** A CSV field: null as nothing (COPY's NULL), any text in quotes with its quotes doubled. */
    private static StringBuilder quoted(StringBuilder row, String text) {
        if (text == null) {
            return row;
        }
        row.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            row.append(c);
            if (c == '"') {
                row.append('"');
            }
        }
        return row.append('"');
    }
}
