package cn.sc.countyeconomy.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with {@code kubectl kustomize}, offline (no cluster is asked). kubectl is the one on
 * the PATH, or the program named by the environment variable KUBECTL.
 */
final class Kustomize {

    private Kustomize() {
    }

    static String kubectl() {
        String named = System.getenv("KUBECTL");
        if (named != null && !named.isBlank()) {
            if (!Files.isExecutable(Path.of(named))) {
                throw new AssertionError("KUBECTL names " + named + ", which is not an executable file");
            }
            return named;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("kubectl is not on the PATH (" + path + "): deploy-tests renders deploy/kubernetes with"
                + " `kubectl kustomize`, offline. Install kubectl (any version from 1.14, which has Kustomize built in;"
                + " on Debian: apt-get install -y kubernetes-client, as .ci/run does when none is present), or set"
                + " KUBECTL to its path.");
    }

    /** The YAML stream that {@code kubectl kustomize dir} prints; fails with kubectl's own message when it refuses. */
    static String render(Path dir) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process p = new ProcessBuilder(List.of(kubectl(), "kustomize", dir.toString()))
                        .redirectError(err.toFile())
                        .start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (p.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + p.exitValue() + "): "
                            + Files.readString(err, StandardCharsets.UTF_8).strip());
                }
                return new String(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run kubectl kustomize " + dir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while rendering " + dir, e);
        }
    }
}
