package cn.sc.countyeconomy.assessment.bench;

import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.assessment.AssessmentTestProfile;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The score map of 183 counties over HTTP once the shapes are cached, against a baseline in the
 * same JVM and the same go: the ranking of the same 183 counties as JSON (one page of 500), from
 * the same official run. Requests alternate (map, ranking) so that both see the same machine.
 * Prints BENCH lines; run by bench/maps/run.sh, excluded from the normal build (tag "bench").
 */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
@Tag("bench")
class MapBenchmark {

    static final int YEAR = 2025;

    @Test
    void scoresMapAgainstTheJsonRanking() {
        RegistryStub.reset();
        List<cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment> assignments = new java.util.ArrayList<>();
        String[] categories = {"KEY_DEVELOPMENT", "MAIN_FARM_PRODUCE", "KEY_ECOLOGICAL_FUNCTION", "CITY_CORE_DISTRICT"};
        long id = 1;
        for (var c : RegistryStub.sichuan()) {
            String cat = categories[(int) (id % 4)];
            assignments.add(new cn.sc.countyeconomy.registry.client.RegistryCategoryAssignment(id++, c.code(), c.name(), YEAR, cat, cat, "bench", 0));
        }
        RegistryStub.categories(assignments);
        String admin = TestTokens.bearer("admin", "editor", "approver");
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("years", List.of(YEAR), "approve", true))
                .post("/api/v1/demo-data").then().statusCode(200);
        long run = given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("year", YEAR, "schemeVersion", 1))
                .post("/api/v1/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", admin).post("/api/v1/runs/" + run + "/official").then().statusCode(200);

        String reader = TestTokens.bearer("reader");
        long first = System.nanoTime();
        int size = given().header("Authorization", reader).queryParam("year", YEAR).get("/api/v1/maps/scores").then().statusCode(200)
                .extract().asString().length();
        double firstMs = (System.nanoTime() - first) / 1e6;
        int n = Integer.getInteger("bench.requests", 41);
        for (int i = 0; i < 10; i++) {
            map(reader);
            ranking(reader);
        }
        double[] maps = new double[n];
        double[] rankings = new double[n];
        for (int i = 0; i < n; i++) {
            maps[i] = map(reader);
            rankings[i] = ranking(reader);
        }
        Arrays.sort(maps);
        Arrays.sort(rankings);
        System.out.printf("BENCH first map (fetches and prepares the shapes): %.1f ms, %d bytes of SVG%n", firstMs, size);
        System.out.printf("BENCH scores map, 183 counties, shapes cached: median %.1f ms, p90 %.1f ms, max %.1f ms (n=%d)%n", maps[n / 2],
                maps[n * 9 / 10], maps[n - 1], n);
        System.out.printf("BENCH baseline: ranking of the same 183 as JSON: median %.1f ms, p90 %.1f ms, max %.1f ms%n", rankings[n / 2],
                rankings[n * 9 / 10], rankings[n - 1]);
        System.out.printf("BENCH ratio map / JSON ranking (medians): %.2f; target: map under 100 ms%n", maps[n / 2] / rankings[n / 2]);
    }

    static double map(String token) {
        long t = System.nanoTime();
        given().header("Authorization", token).queryParam("year", YEAR).get("/api/v1/maps/scores").then().statusCode(200);
        return (System.nanoTime() - t) / 1e6;
    }

    static double ranking(String token) {
        long t = System.nanoTime();
        given().header("Authorization", token).queryParam("year", YEAR).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200);
        return (System.nanoTime() - t) / 1e6;
    }
}
