package cn.sc.countyeconomy.api.problem;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure of the database means for the client, decided once for every service from the
 * SQLSTATE of the first {@link SQLException} in the cause chain: a unique key taken by a racing
 * request is a 409 naming the key, a value the column cannot hold is a 422 naming the column, a
 * database that cannot be reached is a 503 with Retry-After. Everything else stays an internal
 * error. Services still check their rules first; this is what answers when a race or an unforeseen
 * value gets past those checks, instead of a 500.
 */
public final class SqlProblems {

    /** Seconds a client should wait before retrying while the database is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Pattern KEY = Pattern.compile("Key \\((.+)\\)=\\((.*)\\) (already exists|is not present in table \"([^\"]+)\")\\.?", Pattern.DOTALL);

    private SqlProblems() {
    }

    /** The answer for {@code e} when a database failure explains it, or empty. */
    public static Optional<ApiException> classify(Throwable e) {
        SQLException sql = firstSqlException(e);
        if (sql == null) {
            return databaseUnreachable(e) ? Optional.of(unavailable()) : Optional.empty();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String constraint = server == null ? null : server.getConstraint();
        String column = server == null ? null : server.getColumn();
        String detail = server == null ? null : server.getDetail();
        if (state.equals("23505")) {
            return Optional.of(uniqueKey(constraint, detail));
        }
        if (state.equals("23503")) {
            return Optional.of(ApiException.conflict("A referenced record does not exist or is still referenced"
                    + (constraint == null ? "" : " (constraint " + constraint + ")")).with("constraint", constraint));
        }
        if (state.equals("23514")) {
            String field = constraint == null ? "request" : constraint;
            return Optional.of(ApiException.validation(field, "breaks the rule " + (constraint == null ? "of the table" : "'" + constraint + "'")
                    + "; check the fields it names"));
        }
        if (state.equals("23502")) {
            return Optional.of(ApiException.validation(column == null ? "request" : column, "is required"));
        }
        if (state.equals("22003")) {
            return Optional.of(ApiException.validation(column == null ? "value" : column,
                    "a number is larger than the stored column can hold (NUMERIC precision exceeded)"));
        }
        if (state.equals("22001")) {
            return Optional.of(ApiException.validation(column == null ? "value" : column, "a text is longer than the stored column can hold"));
        }
        if (state.equals("22021") || state.equals("22P05") || (state.equals("22023") && String.valueOf(sql.getMessage()).contains("Zero bytes"))) {
            return Optional.of(ApiException.badRequest("The request holds a character that cannot be stored (a NUL or an invalid byte)"));
        }
        if (state.equals("22008") || state.equals("22007")) {
            return Optional.of(ApiException.validation("date", "a date or time is outside the range that can be stored"));
        }
        if (state.equals("40001") || state.equals("40P01")) {
            return Optional.of(ApiException.conflict("Another request changed the same data at the same moment; retry")
                    .header("Retry-After", "1").with("retryAfterSeconds", 1));
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || databaseUnreachable(e)) {
            return Optional.of(unavailable());
        }
        return Optional.empty();
    }

    /** 503 with Retry-After: the service is fine, its database is not reachable just now. */
    public static ApiException unavailable() {
        return ApiException.unavailable("The database is not reachable just now; retry after " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
    }

    static ApiException uniqueKey(String constraint, String detail) {
        Map<String, String> key = new LinkedHashMap<>();
        if (detail != null) {
            Matcher m = KEY.matcher(detail);
            if (m.matches()) {
                List<String> cols = List.of(m.group(1).split(",\\s*"));
                List<String> vals = List.of(m.group(2).split(",\\s*", cols.size()));
                for (int i = 0; i < cols.size(); i++) {
                    key.put(cols.get(i), i < vals.size() ? vals.get(i) : null);
                }
            }
        }
        String what = key.isEmpty() ? "the same unique key" : key.toString();
        ApiException e = ApiException.conflict("A record with " + what + " exists already"
                + (constraint == null ? "" : " (unique key " + constraint + ")") + "; it was created by another request, possibly at the same moment");
        if (constraint != null) {
            e.with("constraint", constraint);
        }
        if (!key.isEmpty()) {
            e.with("conflictingKey", key);
        }
        return e;
    }

    private static SQLException firstSqlException(Throwable e) {
        for (Throwable t : causes(e)) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * Failures that mean "no connection" without an SQLSTATE: Agroal's acquisition timeout, a closed
     * connection, Hibernate's JDBCConnectionException, a commit whose connection broke (the transaction
     * manager's RollbackException carries the driver's I/O error as a suppressed exception, not as its cause).
     */
    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable t : causes(e)) {
            String name = t.getClass().getName();
            String msg = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith("JDBCConnectionException") || name.endsWith("ConnectException")
                    || msg.contains("acquisition timeout") || msg.contains("connection has been closed")
                    || msg.contains("connection refused") || msg.contains("an i/o error occurred")) {
                return true;
            }
        }
        return false;
    }

    /** {@code e}, its causes and the exceptions suppressed along the way, each once, causes first. */
    static List<Throwable> causes(Throwable e) {
        List<Throwable> out = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty() && out.size() < 64) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.addFirst(t.getCause());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.add(s);
            }
        }
        return out;
    }
}
