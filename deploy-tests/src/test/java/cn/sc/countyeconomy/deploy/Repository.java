package cn.sc.countyeconomy.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root (Maven's multi-module directory, passed by the pom), and the overlays under it. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/kubernetes"))) {
            throw new AssertionError("no deploy/kubernetes under " + root + " (system property repository.root)");
        }
        return root;
    }

    static Path overlay(String name) {
        return root().resolve("deploy/kubernetes/overlays").resolve(name);
    }
}
