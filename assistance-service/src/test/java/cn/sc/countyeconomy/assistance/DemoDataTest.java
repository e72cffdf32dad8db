package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Demo data, in an application of its own (a fresh database), so that it never mixes with the other tests' figures. */
@QuarkusTest
@TestProfile(DemoDataTest.OwnDatabase.class)
class DemoDataTest {

    /** The shared profile, as a class of its own: Quarkus starts the application again, with a database of its own. */
    public static class OwnDatabase extends RegistryTestProfile {
    }

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void loadsLabelledSyntheticDataOnlyOnceAndOnlyFromALoadedCopy() {
        RegistryStub.forgetCopy();
        try {
            as("admin").post("/api/v1/demo-data").then().spec(Problems.problem(503, "dependency-unavailable")).header("Retry-After", equalTo("7"));
        } finally {
            RegistryStub.syncCopy();
        }
        as("reader").get("/api/v1/organisations").then().body("totalItems", equalTo(0));
        as("reader").get("/api/v1/projects").then().body("totalItems", equalTo(0));

        // changed on purpose with the local copy: the counties are read from the copy, also while the registry is down
        // (it was a 503); every county designated today (2026-06-30) (513435's designation ended)
        StubMapping outage = RegistryStub.down();
        try {
            as("admin").post("/api/v1/demo-data").then().statusCode(201)
                    .body("counties", equalTo(DesignatedCounties.DESIGNATED_IN_2025)).body("organisations", equalTo(5)).body("projects", greaterThan(0));
        } finally {
            RegistryStub.up(outage);
            CircuitBreakerMaintenance.get().resetAll();
        }
        as("reader").queryParam("size", "500").get("/api/v1/organisations").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("items.synthetic", everyItem(equalTo(true)))
                .body("items.name", everyItem(startsWith("【演示数据】")));
        as("reader").queryParam("size", "500").get("/api/v1/projects").then().body("items.synthetic", everyItem(equalTo(true)));
        as("reader").queryParam("size", "500").get("/api/v1/pairings").then()
                .body("items.countyCode", everyItem(not(org.hamcrest.Matchers.oneOf(DesignatedCounties.LIST_ENDED, DesignatedCounties.NOT_DESIGNATED))))
                .body("items.countyCode", hasItems(DesignatedCounties.LIST_A, DesignatedCounties.LATER, DesignatedCounties.RENEWED));
        as("admin").post("/api/v1/demo-data").then().spec(Problems.problem(409, "conflict"));
        assertEquals(List.of("IMPORT"), AuditRecords.of(dataSource, "DemoData", "synthetic").stream().map(AuditRecords.Row::action).toList());
        // and the reports run over it
        as("reader").queryParam("year", String.valueOf(TestClock.today().getYear())).get("/api/v1/coverage").then().statusCode(200)
                .body("counties", equalTo(DesignatedCounties.DESIGNATED_IN_2025));
    }
}
