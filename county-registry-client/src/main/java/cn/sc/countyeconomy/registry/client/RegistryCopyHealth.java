package cn.sc.countyeconomy.registry.client;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Readiness check {@value #NAME}: where the local copy of the registry stands. UP once the copy has
 * been loaded, also while the registry is unreachable (the service then answers from its copy; that
 * is the point of the copy), DOWN only while it was never loaded. Data: {@code cursor} (last feed
 * sequence applied), {@code loadedAt} (last full load), {@code appliedAt} (last change of the copy,
 * by any replica), {@code lastPollAt} and {@code lastPollAgeSeconds} (the last round of this replica
 * that reached the registry and followed the feed to its head), {@code registryReachable} and
 * {@code lastError}.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "registry.copy.enabled", stringValue = "true")
public class RegistryCopyHealth implements HealthCheck {

    static final String NAME = "county-registry-copy";

    @Inject
    RegistryFollower follower;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
        RegistryCopyStore.CursorRow row;
        try {
            row = follower.store().cursorRow();
        } catch (SQLException e) {
            return b.down().withData("error", "cannot read the local copy: " + e.getMessage()).build();
        }
        if (row == null) {
            b.down().withData("loaded", false);
        } else {
            b.up().withData("loaded", true).withData("cursor", row.lastSequence()).withData("loadedAt", row.loadedAt().toString())
                    .withData("appliedAt", row.appliedAt().toString());
        }
        Instant last = follower.lastSuccess();
        if (last != null) {
            b.withData("lastPollAt", last.toString()).withData("lastPollAgeSeconds", Duration.between(last, Instant.now(follower.clock)).toSeconds());
        }
        b.withData("registryReachable", follower.reachable());
        if (follower.lastError() != null) {
            b.withData("lastError", follower.lastError());
        }
        return b.build();
    }
}
