package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.CsvRows;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.assessment.scoring.ScoringEngine;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.*;

import static cn.sc.countyeconomy.assessment.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/** Scoring runs end to end, through the API, against the real database and the WireMock registry. */
@QuarkusTest
@TestProfile(AssessmentTestProfile.class)
class RunApiTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    cn.sc.countyeconomy.assessment.service.RegistryFacts facts;
    @Inject
    cn.sc.countyeconomy.registry.client.RegistryFollower follower;

    @BeforeEach
    void registry() {
        SichuanRegistry.state();
    }

    @AfterEach
    void breakersClosed() {
        breakers.resetAll();
    }

    static final String CAT = "CITY_CORE_DISTRICT";

    /**
     * The hand-worked category of ScoringEngineTest, entered through the API: a scheme for 2026 with
     * GDP_PER_CAPITA (higher, mean-imputed), GOVERNMENT_DEBT_RATIO (lower, red line at most 100) and
     * RURAL_DISPOSABLE_INCOME (higher), weights 0.5/0.3/0.2, min-max; four city core districts
     * submitted, verified and approved. Expected: C1 40, C2 45, C3 45 (tie, rank 1), C1 rank 3, C4
     * 70 but DISQUALIFIED with the evidence 110 > 100.
     */
    @Test
    void aRunThroughTheApiGivesTheHandWorkedNumbers() {
        List<String> d = SichuanRegistry.inCategory(CAT);
        String c1 = d.get(0), c2 = d.get(1), c3 = d.get(2), c4 = d.get(3);
        Map<String, Object> def = Map.of(
                "weightsSource", "test weights",
                "aggregation", "ARITHMETIC", "minDataShare", 0.6,
                "indicators", List.of(
                        Map.of("code", "GDP_PER_CAPITA", "normalisation", "MIN_MAX", "imputation", "CATEGORY_MEAN", "treatOutliers", true),
                        Map.of("code", "GOVERNMENT_DEBT_RATIO", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", true),
                        Map.of("code", "RURAL_DISPOSABLE_INCOME", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", true)),
                "weights", Map.of(CAT, Map.of("GDP_PER_CAPITA", 0.5, "GOVERNMENT_DEBT_RATIO", 0.3, "RURAL_DISPOSABLE_INCOME", 0.2)),
                "redLines", List.of(Map.of("code", "DEBT", "indicator", "GOVERNMENT_DEBT_RATIO", "operator", "AT_MOST", "threshold", 100,
                        "consequence", "DISQUALIFY", "description", "债务红线")),
                "awards", List.of(Map.of("award", "STRONG", "type", "TOP_N_IN_CATEGORY", "n", 1, "minGain", 0)));
        JsonPath scheme = as("admin").body(Map.of("year", 2026, "definition", def)).post("/api/v1/schemes")
                .then().statusCode(201).extract().jsonPath();
        long schemeId = scheme.getLong("id");
        as("approver").header("If-Match", "\"" + scheme.getLong("version") + "\"").post("/api/v1/schemes/" + schemeId + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<Map<String, String>> values = new ArrayList<>();
        String[][] rows = {{c1, "100", "50", "30"}, {c2, "200", "70", "10"}, {c3, null, "70", "10"}, {c4, "300", "110", "50"}};
        for (String[] r : rows) {
            if (r[1] != null)
                values.add(Map.of("countyCode", r[0], "indicatorCode", "GDP_PER_CAPITA", "value", r[1]));
            values.add(Map.of("countyCode", r[0], "indicatorCode", "GOVERNMENT_DEBT_RATIO", "value", r[2]));
            values.add(Map.of("countyCode", r[0], "indicatorCode", "RURAL_DISPOSABLE_INCOME", "value", r[3]));
        }
        as("editor").body(Map.of("values", values)).post("/api/v1/data/2026/values").then().statusCode(200).body("written", equalTo(11));
        // a run before approval sees no data: every county INSUFFICIENT_DATA
        for (String[] r : rows) {
            approve(r[0], 2026);
        }
        io.restassured.response.Response created = as("editor").body(Map.of("year", 2026, "schemeVersion", scheme.getInt("schemeVersion")))
                .post("/api/v1/runs");
        created.then().statusCode(201).body("inputHash", matchesPattern("[0-9a-f]{64}")).body("schemeVersion", equalTo(1))
                .body("scoringCodeVersion", equalTo(ScoringEngine.CODE_VERSION));
        long runId = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/runs/" + runId), created.header("Location"));
        JsonPath res = as("reader").queryParam("category", CAT).queryParam("size", 500).get("/api/v1/runs/" + runId + "/results")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> by = new HashMap<>();
        for (Map<String, Object> m : res.<Map<String, Object>>getList("items"))
            by.put((String) m.get("countyCode"), m);
        assertEquals(40.0, ((Number) by.get(c1).get("overall")).doubleValue(), 1e-9);
        assertEquals(45.0, ((Number) by.get(c2).get("overall")).doubleValue(), 1e-9);
        assertEquals(45.0, ((Number) by.get(c3).get("overall")).doubleValue(), 1e-9);
        assertEquals(70.0, ((Number) by.get(c4).get("overall")).doubleValue(), 1e-9);
        assertEquals(1, by.get(c2).get("rank"));
        assertEquals(1, by.get(c3).get("rank"));
        assertEquals(3, by.get(c1).get("rank"));
        assertNull(by.get(c4).get("rank"));
        assertEquals("DISQUALIFIED", by.get(c4).get("status"));
        assertEquals("STRONG", by.get(c2).get("award"));
        assertEquals("STRONG", by.get(c3).get("award"));
        assertEquals(SichuanRegistry.nameOf(c1), by.get(c1).get("countyName"));
        JsonPath c4detail = JsonPath.from(toJson(by.get(c4)))
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        assertEquals("FAILED", c4detail.getString("detail.redLines[0].outcome"));
        assertEquals(110.0, c4detail.getDouble("detail.redLines[0].value"), 1e-9);
        assertEquals(100.0, c4detail.getDouble("detail.redLines[0].threshold"), 1e-9);
        JsonPath c3detail = JsonPath.from(toJson(by.get(c3)))
                .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
        assertNull(c3detail.get("detail.indicators[0].raw"));
        assertTrue(c3detail.getBoolean("detail.indicators[0].imputed"));
        assertEquals(200.0, c3detail.getDouble("detail.indicators[0].treated"), 1e-9);
        assertEquals(66.666667, c3detail.getDouble("detail.indicators[1].normalised"), 1e-9);
        // the other categories have no weights in this scheme; counties without approved data get no score
        as("reader").queryParam("category", "KEY_DEVELOPMENT").queryParam("size", 1).get("/api/v1/runs/" + runId + "/results")
                .then().statusCode(200).body("items[0].status", equalTo("NO_CATEGORY"));
        assertEquals("INSUFFICIENT_DATA", by.get(d.get(4)).get("status"));

        // the same inputs again: the same hash and identical results
        long again = as("editor").body(Map.of("year", 2026, "schemeVersion", scheme.getInt("schemeVersion"))).post("/api/v1/runs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(as("reader").get("/api/v1/runs/" + runId).then().extract().path("inputHash"),
                (String) as("reader").get("/api/v1/runs/" + again).then().extract().path("inputHash"));
        assertEquals(as("reader").queryParam("size", 500).get("/api/v1/runs/" + runId + "/results").then().extract().jsonPath().getList("items"),
                as("reader").queryParam("size", 500).get("/api/v1/runs/" + again + "/results").then().extract().jsonPath().getList("items"));

        // official run -> rankings and scorecard
        as("editor").post("/api/v1/runs/" + runId + "/official").then().spec(Problems.problem(403, "forbidden"));
        as("approver").post("/api/v1/runs/" + runId + "/official").then().statusCode(200).body("official", equalTo(true));
        as("reader").queryParam("year", 2026).queryParam("category", CAT).get("/api/v1/rankings").then().statusCode(200)
                .body("items[0].rank", equalTo(1)).body("items[1].rank", equalTo(1)).body("items[2].rank", equalTo(3))
                .body("items[0].countyCode", equalTo(c2)).body("items[2].countyCode", equalTo(c1));
        as("reader").queryParam("year", 2026).queryParam("category", CAT).queryParam("sort", "overall,asc").queryParam("size", 2)
                .get("/api/v1/rankings").then().statusCode(200).body("items[0].overall", equalTo(40.0)).body("items[0].countyCode", equalTo(c1))
                .header("Link", containsString("rel=\"next\""));
        as("reader").queryParam("year", 2026).queryParam("sort", "secret").get("/api/v1/rankings").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParam("sort", "rank").get("/api/v1/runs/" + runId + "/results").then().spec(Problems.problem(400, "invalid-parameter"));
        String csv = as("reader").accept("text/csv").queryParam("year", 2026).queryParam("category", CAT).get("/api/v1/rankings")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith("category,rank,countyCode,countyName,overall"), csv);
        List<Map<String, String>> csvRows = CsvRows.parse(csv);
        assertEquals(c2, csvRows.get(0).get("countyCode"));
        assertEquals(SichuanRegistry.nameOf(c2), csvRows.get(0).get("countyName"), "Chinese county names survive in CSV");
        // scorecard: C1 against the medians of the category (C1..C4 normalised: income 50, 0, 0, 100 -> median 25)
        JsonPath card = as("reader").queryParam("year", 2026).get("/api/v1/counties/" + c1 + "/scorecard").then().statusCode(200).extract().jsonPath();
        assertEquals(3, card.getInt("rank"));
        assertEquals(3, card.getInt("rankedInCategory"));
        assertEquals("CLEAR", card.getString("redLineStatus"));
        assertEquals("GOVERNMENT_DEBT_RATIO", card.getString("strongest[0].indicator")); // 100 vs median 66.666667
        assertEquals(33.333333, card.getDouble("strongest[0].difference"), 1e-6);
        assertEquals("GDP_PER_CAPITA", card.getString("weakest[0].indicator")); // 0 vs median 50
        assertEquals(-50.0, card.getDouble("weakest[0].difference"), 1e-6);
        assertEquals("人均地区生产总值", card.getString("weakest[0].name"));
        // nothing stubbed for the sibling services: WireMock answers 404 -> NONE
        assertEquals("NONE", card.getString("assistance.status"));
        assertEquals("NONE", card.getString("pilots.status"));
        as("reader").queryParam("year", 2026).get("/api/v1/counties/" + c4 + "/scorecard").then().statusCode(200)
                .body("redLineStatus", equalTo("DISQUALIFIED")).body("status", equalTo("DISQUALIFIED"));
        // assistance-service answers; reform-pilot-service fails: the scorecard still answers 200
        RegistryStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/counties/" + c2 + "/effectiveness"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"countyCode\":\"" + c2 + "\",\"year\":2026,\"score\":81.5,\"components\":[]}")));
        RegistryStub.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/counties/" + c2 + "/pilots"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        as("reader").queryParam("year", 2026).get("/api/v1/counties/" + c2 + "/scorecard").then().statusCode(200)
                .body("assistance.status", equalTo("AVAILABLE")).body("assistance.data.score", equalTo(81.5))
                .body("pilots.status", equalTo("UNAVAILABLE")).body("rank", equalTo(1));
        // audit records of the run and the official mark
        as("admin").queryParam("resourceType", "ScoringRun").queryParam("resourceId", runId).get("/api/v1/audit")
                .then().statusCode(200).body("items[0].action", equalTo("CREATE"));
        as("admin").queryParam("resourceType", "OfficialRun").queryParam("resourceId", 2026).get("/api/v1/audit")
                .then().statusCode(200).body("items[0].action", equalTo("MARK_OFFICIAL"));
    }

    static String toJson(Object o) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 2025 (no other test scores it): a scheme that says nothing about missing red-line values, three
     * city core districts; C2, the best, does not report its forest coverage (the red line's indicator,
     * not required by the catalogue, so it can be approved without it). Its
     * scorecard says REVIEW, it keeps its rank 1 and gets no award; the stored scheme states REVIEW.
     */
    @Test
    void aMissingRedLineValueIsReviewedByDefaultAndTheScorecardSaysSo() {
        List<String> d = SichuanRegistry.inCategory(CAT);
        String c1 = d.get(0), c2 = d.get(1), c3 = d.get(2);
        Map<String, Object> def = Map.of(
                "weightsSource", "test weights", "aggregation", "ARITHMETIC", "minDataShare", 0.6,
                "indicators", List.of(
                        Map.of("code", "GDP_PER_CAPITA", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false),
                        Map.of("code", "GOVERNMENT_DEBT_RATIO", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false),
                        Map.of("code", "RURAL_DISPOSABLE_INCOME", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false),
                        Map.of("code", "FOREST_COVERAGE", "normalisation", "MIN_MAX", "imputation", "NONE", "treatOutliers", false)),
                "weights", Map.of(CAT, Map.of("GDP_PER_CAPITA", 0.5, "GOVERNMENT_DEBT_RATIO", 0.3, "RURAL_DISPOSABLE_INCOME", 0.1,
                        "FOREST_COVERAGE", 0.1)),
                "redLines", List.of(Map.of("code", "FOREST", "indicator", "FOREST_COVERAGE", "operator", "AT_LEAST", "threshold", 10,
                        "consequence", "DISQUALIFY", "description", "森林覆盖率红线 (test)")),
                "awards", List.of(Map.of("award", "STRONG", "type", "TOP_N_IN_CATEGORY", "n", 1, "minGain", 0)));
        JsonPath scheme = as("admin").body(Map.of("year", 2025, "definition", def)).post("/api/v1/schemes").then().statusCode(201)
                .body("definition.missingRedLineValue", equalTo("REVIEW")).extract().jsonPath();
        as("approver").header("If-Match", "\"" + scheme.getLong("version") + "\"").post("/api/v1/schemes/" + scheme.getLong("id") + "/publish")
                .then().statusCode(200);
        List<Map<String, String>> values = new ArrayList<>();
        String[][] rows = {{c1, "100", "60", "30", "40"}, {c2, "300", "50", "50", null}, {c3, "200", "70", "10", "60"}};
        for (String[] r : rows) {
            values.add(Map.of("countyCode", r[0], "indicatorCode", "GDP_PER_CAPITA", "value", r[1]));
            values.add(Map.of("countyCode", r[0], "indicatorCode", "GOVERNMENT_DEBT_RATIO", "value", r[2]));
            values.add(Map.of("countyCode", r[0], "indicatorCode", "RURAL_DISPOSABLE_INCOME", "value", r[3]));
            if (r[4] != null)
                values.add(Map.of("countyCode", r[0], "indicatorCode", "FOREST_COVERAGE", "value", r[4]));
        }
        as("editor").body(Map.of("values", values)).post("/api/v1/data/2025/values").then().statusCode(200).body("written", equalTo(11));
        for (String[] r : rows) {
            approve(r[0], 2025);
        }
        long run = as("editor").body(Map.of("year", 2025, "schemeVersion", scheme.getInt("schemeVersion"))).post("/api/v1/runs").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as("approver").post("/api/v1/runs/" + run + "/official").then().statusCode(200);

        JsonPath card = as("reader").queryParam("year", 2025).get("/api/v1/counties/" + c2 + "/scorecard").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("REVIEW", card.getString("redLineStatus"));
        assertEquals("REVIEW", card.getString("redLines[0].outcome"));
        assertEquals("SCORED", card.getString("status"));
        assertEquals(1, card.getInt("rank"));
        assertNull(card.get("award"), "not reporting a red-line value earns no award");
        assertEquals("CLEAR", as("reader").queryParam("year", 2025).get("/api/v1/counties/" + c1 + "/scorecard").then().statusCode(200)
                .extract().path("redLineStatus"));
        String page = given().header("Authorization", TestTokens.bearer("reader")).accept("text/html").queryParam("year", 2025)
                .get("/api/v1/counties/" + c2 + "/scorecard").then().statusCode(200).extract().asString();
        assertEquals("REVIEW", org.jsoup.Jsoup.parse(page).select("#red-line-status").text());
    }

    static void approve(String county, int year) {
        for (String step : List.of("submit", "verify", "approve")) {
            String role = step.equals("submit") ? "editor" : "approver";
            long v = as("reader").get("/api/v1/submissions/" + county + "/" + year).then().statusCode(200).extract().jsonPath().getLong("version");
            as(role).header("If-Match", "\"" + v + "\"").body("{}").post("/api/v1/submissions/" + county + "/" + year + "/" + step)
                    .then().statusCode(200);
        }
    }

    @Test
    void demoDataRankingsRankChangeAndSensitivity() throws Exception {
        as("editor").body(Map.of("years", List.of(2021, 2022))).post("/api/v1/demo-data").then().spec(Problems.problem(403, "forbidden"));
        as("admin").body(Map.of("years", List.of(2021, 2022))).post("/api/v1/demo-data").then().statusCode(200)
                .body("[0].counties", equalTo(183)).body("[0].values", equalTo(183 * 27));
        as("reader").queryParam("size", 1).get("/api/v1/data/2021/values").then().statusCode(200)
                .body("items[0].synthetic", equalTo(true)).body("items[0].source", containsString("SYNTHETIC"));
        long r21 = as("editor").body(Map.of("year", 2021, "schemeVersion", 1)).post("/api/v1/runs").then().statusCode(201)
                .body("scoringCodeVersion", equalTo(ScoringEngine.CODE_VERSION)).extract().jsonPath().getLong("id");
        // the stored record of a run with the default framework states the scoring code's version and the hash of its inputs
        as("reader").get("/api/v1/runs/" + r21).then().statusCode(200).body("scoringCodeVersion", equalTo(ScoringEngine.CODE_VERSION))
                .body("inputHash", matchesPattern("[0-9a-f]{64}"));
        as("approver").post("/api/v1/runs/" + r21 + "/official").then().statusCode(200);
        long r22 = as("editor").body(Map.of("year", 2022, "schemeVersion", 1)).post("/api/v1/runs").then().statusCode(201).extract().jsonPath().getLong("id");
        as("approver").post("/api/v1/runs/" + r22 + "/official").then().statusCode(200);
        JsonPath ranking = as("reader").queryParam("year", 2022).queryParam("size", 500).get("/api/v1/rankings").then().statusCode(200)
                .header("X-Total-Count", "183").extract().jsonPath();
        List<Map<String, Object>> items = ranking.getList("items");
        Map<String, Integer> perCategory = new HashMap<>();
        int withChange = 0;
        for (Map<String, Object> it : items) {
            if (it.get("rank") != null) {
                perCategory.merge((String) it.get("category"), 1, Integer::sum);
                if (it.get("rankChange") != null)
                    withChange++;
            }
        }
        assertEquals(4, perCategory.size());
        assertTrue(withChange > 100, "rank changes against 2021's official run: " + withChange);
        // awards per category: STRONG = the top 3 (ties could add more)
        for (String cat : perCategory.keySet()) {
            long strong = items.stream().filter(i -> cat.equals(i.get("category")) && "STRONG".equals(i.get("award"))).count();
            assertTrue(strong >= 3, cat + " strong " + strong);
        }
        // sensitivity: 202 + Location; reproducible with the same seed; the treatment choice is one of the uncertain inputs
        as("editor").body(Map.of("replications", 10, "treatments", List.of("maybe"))).post("/api/v1/runs/" + r22 + "/sensitivity").then()
                .spec(Problems.problem(400)).body("detail", containsString("treatments"));
        Map<String, Object> cfg = Map.of("replications", 40, "seed", 7, "weightPerturbation", 0.25,
                "normalisations", List.of("MIN_MAX", "Z_SCORE"), "imputations", List.of("CATEGORY_MEAN", "CATEGORY_MEDIAN"),
                "treatments", List.of(true, false));
        String loc = as("editor").body(cfg).post("/api/v1/runs/" + r22 + "/sensitivity").then().statusCode(202)
                .header("Location", containsString("/api/v1/jobs/")).extract().header("Location");
        JsonPath job = waitFor(loc);
        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(List.of(true, false), job.getList("config.treatments"));
        assertEquals(100.0, job.getDouble("percent"), 1e-9);
        List<Map<String, Object>> u = job.getList("result");
        assertEquals(183, u.size());
        for (Map<String, Object> c : u) {
            if (c.get("medianRank") != null) {
                double p05 = ((Number) c.get("rankP05")).doubleValue(), med = ((Number) c.get("medianRank")).doubleValue(),
                        p95 = ((Number) c.get("rankP95")).doubleValue();
                assertTrue(p05 <= med && med <= p95, c.toString());
            }
        }
        JsonPath again = waitFor(as("editor").body(cfg).post("/api/v1/runs/" + r22 + "/sensitivity").then().statusCode(202).extract().header("Location"));
        assertEquals(u, again.getList("result"));
        // cancellation
        String big = as("editor").body(Map.of("replications", 10000, "seed", 1)).post("/api/v1/runs/" + r22 + "/sensitivity")
                .then().statusCode(202).extract().header("Location");
        as("editor").post(big + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        // the cancel is final: whatever the computing thread does afterwards (JobLeaseTest forces that order)
        as("reader").get(big).then().statusCode(200).body("status", equalTo("CANCELLED")).body("result", nullValue());
        as("editor").post(big + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as("editor").post(loc + "/cancel").then().spec(Problems.problem(409, "conflict"));
        // DELETE is not how a job is cancelled (it stays readable): 405
        as("editor").delete(big).then().statusCode(405);
    }

    /** Polls a job until it has ended: every 200 ms, at most 300 times (a minute), then fails. */
    static JsonPath waitFor(String location) throws InterruptedException {
        for (int poll = 0; poll < JOB_POLLS; poll++) {
            JsonPath j = as("reader").get(location).then().statusCode(200).extract().jsonPath();
            if (!List.of("QUEUED", "RUNNING").contains(j.getString("status")))
                return j;
            Thread.sleep(JOB_POLL_INTERVAL.toMillis());
        }
        return fail("job " + location + " did not end within " + JOB_POLLS + " polls");
    }

    static final int JOB_POLLS = 300;
    static final Duration JOB_POLL_INTERVAL = Duration.ofMillis(200);

    /**
     * Registry facts come from this service's local copy (county-registry-client's RegistryCopy, synced
     * when the stub states facts): while the registry is down its follower fails quietly, and imports
     * and runs go on with the counties and categories the copy holds; the health check tells the outage.
     */
    @Test
    void whileTheRegistryIsDownImportsAndRunsReadTheLocalCopy() {
        RegistryStub.down();
        follower.poll(); // a round of the follower against the dead registry: no exception, the copy stays
        assertEquals(SichuanRegistry.inCategory(CAT).size(),
                facts.categories(2025).stream().filter(a -> CAT.equals(a.categoryCode())).count());
        assertEquals(183, facts.activeCounties(cn.sc.countyeconomy.assessment.service.RegistryFacts.dateOf(2025)).size());
        // an import is validated against the copy's counties: 510104 accepted, the retired 双流县 refused as ever
        List<Map<String, Object>> values = List.of(Map.of("countyCode", "510104", "indicatorCode", "GDP", "value", "100.25"),
                Map.of("countyCode", SichuanRegistry.RETIRED_SHUANGLIU, "indicatorCode", "GDP", "value", "1"));
        as("editor").queryParam("dryRun", true).body(Map.of("values", values)).post("/api/v1/data/2032/values").then().statusCode(200)
                .body("rejected", equalTo(1)).body("accepted", equalTo(1));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'county-registry-copy' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'county-registry-copy' }.data.registryReachable", equalTo(false))
                .body("checks.find { it.name == 'county-registry-copy' }.data.loaded", equalTo(true));
        as("reader").get("/api/v1/runs").then().statusCode(200);
    }

    @Test
    void aRunNeedsAPublishedSchemeVersion() {
        as("editor").body(Map.of("year", 2024, "schemeVersion", 99)).post("/api/v1/runs").then().spec(Problems.problem(422, "validation-failed"))
                .body("violations[0].field", equalTo("schemeVersion"));
        as("reader").body(Map.of("year", 2024, "schemeVersion", 1)).post("/api/v1/runs").then().spec(Problems.problem(403, "forbidden"));
        as("reader").queryParam("year", 2099).get("/api/v1/rankings").then().spec(Problems.problem(404, "not-found"));
        as("reader").queryParam("year", 1999).get("/api/v1/rankings").then().spec(Problems.problem(400, "invalid-parameter"));
        as("reader").get("/api/v1/rankings").then().spec(Problems.problem(400, "invalid-parameter"));
    }
}
