package cn.sc.countyeconomy.api.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made with the machine's own binaries ({@code initdb} and
 * {@code pg_ctl}) in a temporary directory, listening on a free port of 127.0.0.1. One cluster per
 * JVM, started on first use and removed when the JVM exits; each caller gets a database of its
 * own. As root (CI, sandboxes) the two binaries run as the {@code postgres} OS user, since
 * PostgreSQL refuses to run as root.
 */
public final class EmbeddedPostgres {

    private static EmbeddedPostgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private EmbeddedPostgres(Path binDir, Path baseDir, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static synchronized EmbeddedPostgres shared() {
        if (instance == null) {
            instance = start();
            EmbeddedPostgres pg = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "embedded-postgres-stop"));
        }
        return instance;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a new, empty database and returns its name. */
    public String createDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet()).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " in the embedded PostgreSQL", e);
        }
        return name;
    }

    private static EmbeddedPostgres start() {
        Path bin = findBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found. The tests start their own PostgreSQL: "
                        + "install them (Debian/Ubuntu: apt-get install -y postgresql) or set PG_BIN_DIR to the directory "
                        + "that holds initdb and pg_ctl."));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path base = Files.createTempDirectory("county-economy-pg-");
            if (root) {
                UserPrincipal pgUser = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(base, pgUser);
            }
            EmbeddedPostgres pg = new EmbeddedPostgres(bin, base, freePort(), root);
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", pg.dataDir.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"), 120);
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
        }
    }

    private void startServer() {
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                "-l", baseDir.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + baseDir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"), 90);
    }

    /**
     * Restarts the server as an operator would ({@code pg_ctl restart -m immediate}: every session
     * is cut, the server recovers and listens again), for tests of what clients see meanwhile.
     */
    public synchronized void restartImmediately() {
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "60",
                "-l", baseDir.resolve("postgres.log").toString(), "restart"), 90);
    }

    /** Stops the server (fast mode) until {@link #resume()}: the database is unreachable meanwhile. */
    public synchronized void suspend() {
        run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), 60);
    }

    /** Starts the server again after {@link #suspend()}, on the same port and data. */
    public synchronized void resume() {
        startServer();
    }

    public synchronized void stop() {
        try {
            run(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"), 60);
        } catch (RuntimeException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + baseDir + ": " + e.getMessage());
        }
    }

    private void run(List<String> command, int timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(baseDir.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                String log = "";
                Path logFile = baseDir.resolve("postgres.log");
                if (Files.exists(logFile)) {
                    log = "\n" + Files.readString(logFile, StandardCharsets.UTF_8);
                }
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n"
                        + new String(out, StandardCharsets.UTF_8) + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + cmd.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<Path> findBinaries() {
        String env = System.getenv("PG_BIN_DIR");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Optional.of(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            return Arrays.stream(path.split(":")).map(Path::of)
                    .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                    .map(d -> {
                        try {
                            return d.resolve("initdb").toRealPath().getParent();
                        } catch (IOException e) {
                            return d;
                        }
                    })
                    .findFirst();
        }
        return Optional.empty();
    }

    private static int version(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
