package cn.sc.countyeconomy.system;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service running as its own JVM on a free port, until {@link #stop()}. */
final class ServiceProcess {

    /** The JVM options of the services started one by one: a heap of at most 384 MB, the JVM's defaults otherwise. */
    static final List<String> DEFAULT_JVM = List.of("-Xmx384m", "-Dfile.encoding=UTF-8");

    final String name;
    final int port;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> jvm;
    private Process process;

    private ServiceProcess(String name, int port, Path log, Map<String, String> env, List<String> jvm) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.env = Map.copyOf(env);
        this.jvm = List.copyOf(jvm);
    }

    static ServiceProcess start(String module, Map<String, String> env) {
        ServiceProcess s = launch(module, module, env, DEFAULT_JVM);
        s.awaitReady(Duration.ofSeconds(90));
        return s;
    }

    /**
     * Starts the module's jar as {@code instance} (its log is target/system-logs/{instance}.log) with these JVM options
     * and returns at once, without waiting for readiness: several can start side by side ({@link #awaitReady(Duration)}).
     */
    static ServiceProcess launch(String module, String instance, Map<String, String> env, List<String> jvm) {
        try {
            int port = freePort();
            Path log = Files.createDirectories(Path.of("target/system-logs")).resolve(instance + ".log");
            ServiceProcess s = new ServiceProcess(module, port, log, env, jvm);
            s.launch();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + instance, e);
        }
    }

    /** Kills the process at once (SIGKILL: no shutdown, as a crash or an OOM kill would end it). */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Starts the same service again: same port, same database, same configuration; returns when it is ready. */
    void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("could not restart " + name, e);
        }
        awaitReady(Duration.ofSeconds(90));
    }

    private void launch() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the system tests run after the services are packaged "
                    + "(run them with `mvn -B verify` at the root)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.resolve(name).toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = pb.start();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Whether the process runs (it may not be ready). */
    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Returns once the service answers its readiness with 200; stops it and fails when it exits or is not ready in time. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start:\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
