package cn.sc.countyeconomy.api.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The published OpenAPI document of a service: {@code openapi/<service>.yaml} at the repository's root, committed so
 * that integrators can diff versions and generate clients from it (each service's build generates its Java client
 * from that file). {@link #assertServedMatchesPublished} keeps file and service equal: it writes what the service
 * serves to {@code target/openapi/<service>.yaml} (the build output) and fails when the committed file differs.
 * Regenerate the committed file after an API change with
 * {@code mvn -B -o -pl <service> -am verify -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dopenapi.update=true}.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    /** What the service RestAssured points at serves as {@code /q/openapi} (YAML). */
    public static String served() {
        return RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract()
                .body().asString();
    }

    /** The committed document of this service, read from the module's parent directory. */
    public static Path published(String service) {
        return Path.of("..", "openapi", service + ".yaml").toAbsolutePath().normalize();
    }

    public static void assertServedMatchesPublished(String service) {
        String served = served();
        try {
            Path output = Path.of("target", "openapi", service + ".yaml");
            Files.createDirectories(output.getParent());
            Files.writeString(output, served, StandardCharsets.UTF_8);
            Path published = published(service);
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(published.getParent());
                Files.writeString(published, served, StandardCharsets.UTF_8);
                return;
            }
            String committed = Files.exists(published) ? Files.readString(published, StandardCharsets.UTF_8) : "";
            if (!committed.equals(served)) {
                fail("The served OpenAPI document differs from " + published + " (the served one is in " + output.toAbsolutePath()
                        + "). If the change is intended, regenerate the published file: mvn -B -o -pl " + service
                        + " -am verify -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dopenapi.update=true");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
