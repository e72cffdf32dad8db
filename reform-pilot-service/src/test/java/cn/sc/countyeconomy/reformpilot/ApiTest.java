package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.api.testing.TestTokens;
import cn.sc.countyeconomy.registry.client.testing.RegistryStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;

/** Shared set-up and the API calls the tests make again and again. */
public abstract class ApiTest {

    protected static final String READER = TestTokens.bearer("reader");
    protected static final String EDITOR = TestTokens.bearer("editor");
    protected static final String APPROVER = TestTokens.bearer("approver");
    protected static final String EDITOR_APPROVER = TestTokens.bearer("editor", "approver");
    protected static final String ADMIN = TestTokens.bearer("admin");
    /** The day these tests were written on: "today" for the service in every test that does not set another. */
    protected static final LocalDate TODAY = LocalDate.of(2024, 10, 20);
    private static final AtomicInteger PROGRAMS = new AtomicInteger();
    private static volatile boolean registryPathWarm;

    /** The registry as WireMock plays it (the shared {@link RegistryStub}), for extra stubs and verifications. */
    protected WireMockServer registry;

    @BeforeEach
    void resetCollaborators() {
        RegistryStub.reset();
        registry = RegistryStub.server();
        readsBackTheDesignationsItRecords();
        warmUpTheRegistryPath();
        // in-process only: against the packaged jar (the IT subclasses) the breakers and the clock are the jar's own
        if (Arc.container() != null) {
            CircuitBreakerMaintenance.get().resetAll();
        }
        TestClock.today(TODAY);
        sendWhatEarlierTestsLeftWaiting();
    }

    /**
     * The tests share one database, so registry writes an earlier test left PENDING (it approved and did
     * not relay, or left the registry down) would go out with this test's relay. They are sent here,
     * against the stub's defaults, and forgotten from the stub's journal: each test relays only its own.
     */
    private void sendWhatEarlierTestsLeftWaiting() {
        relay();
        registry.resetRequests();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /**
     * The first registry call of a freshly started service pays for the REST client, the first
     * signed service token and the stub's first match, which on a busy machine can exceed the test
     * profile's timeout. It is paid once here, by a nomination of a code the registry does not
     * know (422 county-unknown, nothing written), rather than by whichever test runs first.
     */
    private static void warmUpTheRegistryPath() {
        for (int attempt = 0; attempt < 5 && !registryPathWarm; attempt++) {
            int status = nominateRaw(1, "519999", "2024-01-10", EDITOR).extract().statusCode();
            registryPathWarm = status == 422;
        }
    }

    /**
     * Ending a designation reads it first (for its version). The shared stub knows only the
     * designations a test states, so every other id is answered as one this service recorded.
     */
    private void readsBackTheDesignationsItRecords() {
        registry.stubFor(get(urlPathMatching("/api/v1/designations/[0-9]+")).atPriority(RegistryStub.DEFAULTS - 1)
                .willReturn(RegistryStub.json(200, """
                    {"id":{{request.pathSegments.[3]}},"typeCode":"REFORM_PILOT","countyCode":"510000","countyName":"测试县",
                     "validFrom":"2020-01-01","validTo":null,"evidenceStatus":"LISTED","sourceRef":"reform-pilot-service",
                     "note":null,"version":0}""")));
    }

    /** A programme of its own for a test: launched 2020-01-01, deadline 2025-12-31, batch 1, all areas. */
    protected static long newProgram() {
        return newProgram(LocalDate.of(2025, 12, 31));
    }

    protected static long newProgram(LocalDate deadline) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "TEST-" + PROGRAMS.incrementAndGet());
        body.put("name", "测试改革试点项目");
        body.put("nameEn", "Test programme");
        body.put("approvingBody", "四川省测试机关");
        body.put("launchDate", "2020-01-01");
        body.put("deadline", deadline == null ? null : deadline.toString());
        body.put("reformAreas", List.of("INFRASTRUCTURE_CONNECTIVITY", "MODERN_INDUSTRY", "URBAN_RURAL_INTEGRATION"));
        body.put("batches", List.of(Map.of("number", 1, "announcedOn", "2020-01-01")));
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/programs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    protected static ValidatableResponse nominateRaw(long programId, String county, String date, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("programId", programId, "batch", 1, "countyCode", county, "nominatedOn", date,
                        "reason", "县委县政府申报"))
                .when().post("/api/v1/pilots").then();
    }

    protected static long nominate(long programId, String county) {
        return nominateRaw(programId, county, "2024-01-10", EDITOR).statusCode(201).extract().jsonPath().getLong("id");
    }

    protected static long version(long pilotId) {
        return given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilotId)
                .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    protected static String status(long pilotId) {
        return given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilotId)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    protected static ValidatableResponse transitionRaw(long pilotId, String to, String date, String token) {
        return given().header("Authorization", token).header("If-Match", "\"" + version(pilotId) + "\"")
                .contentType(ContentType.JSON).body(Map.of("to", to, "date", date, "reason", "依据会议纪要：" + to))
                .when().post("/api/v1/pilots/" + pilotId + "/transitions").then();
    }

    protected static void transition(long pilotId, String to, String date) {
        transitionRaw(pilotId, to, date, EDITOR_APPROVER).statusCode(200);
    }

    protected static void evaluate(long pilotId, String verdict, String date) {
        given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("evaluator", "省委改革办评估组", "evaluatedOn", date, "verdict", verdict, "summary", "评估意见",
                        "criteria", List.of(Map.of("name", "改革任务完成度", "score", 42, "maxScore", 50, "comment", "基本完成"),
                                Map.of("name", "制度成果", "score", 45, "maxScore", 50, "comment", "形成可复制经验"))))
                .when().post("/api/v1/pilots/" + pilotId + "/evaluations").then().statusCode(201);
    }

    /** A new pilot of the programme brought to the given status along the legal path. */
    protected static long pilotIn(long programId, String county, String status) {
        long id = nominate(programId, county);
        switch (status) {
            case "NOMINATED" -> {
            }
            case "APPROVED" -> transition(id, "APPROVED", "2024-02-01");
            case "IMPLEMENTING" -> {
                transition(id, "APPROVED", "2024-02-01");
                transition(id, "IMPLEMENTING", "2024-03-01");
            }
            case "UNDER_EVALUATION" -> {
                transition(id, "APPROVED", "2024-02-01");
                transition(id, "IMPLEMENTING", "2024-03-01");
                transition(id, "UNDER_EVALUATION", "2024-09-01");
            }
            case "ACCEPTED", "REJECTED" -> {
                transition(id, "APPROVED", "2024-02-01");
                transition(id, "IMPLEMENTING", "2024-03-01");
                transition(id, "UNDER_EVALUATION", "2024-09-01");
                evaluate(id, status.equals("ACCEPTED") ? "PASS" : "FAIL", "2024-09-10");
                transition(id, status, "2024-09-15");
            }
            case "WITHDRAWN" -> transition(id, "WITHDRAWN", "2024-01-20");
            default -> throw new IllegalArgumentException(status);
        }
        return id;
    }

    protected static long createTask(long pilotId) {
        return given().header("Authorization", EDITOR).contentType(ContentType.JSON)
                .body(Map.of("title", "深化农村集体产权制度改革", "description", "以集体经营性建设用地入市为突破口",
                        "areaCode", "URBAN_RURAL_INTEGRATION", "responsibleUnit", "县委改革办",
                        "expectedOutcomes", List.of("形成可复制的制度成果")))
                .when().post("/api/v1/pilots/" + pilotId + "/leading-task").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    protected static ValidatableResponse milestoneRaw(long pilotId, String title, String planned, String status, String actual,
            List<Long> dependsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("plannedDate", planned);
        body.put("status", status);
        body.put("actualDate", actual);
        body.put("dependsOn", dependsOn);
        body.put("deliverable", "阶段成果");
        return given().header("Authorization", EDITOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/pilots/" + pilotId + "/milestones").then();
    }

    protected static long milestone(long pilotId, String title, String planned, String status, String actual, Long... dependsOn) {
        return milestoneRaw(pilotId, title, planned, status, actual, List.of(dependsOn)).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** Sends the waiting registry writes now, as an admin would (the schedule is off in tests). */
    protected static io.restassured.path.json.JsonPath relay() {
        return given().header("Authorization", ADMIN).when().post("/api/v1/registry-sync/relay")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The pilot as read by a reader. */
    protected static io.restassured.path.json.JsonPath pilot(long pilotId) {
        return given().header("Authorization", READER).when().get("/api/v1/pilots/" + pilotId)
                .then().statusCode(200).extract().jsonPath();
    }

    protected static long auditCount(String resourceType, Object id) {
        return given().header("Authorization", ADMIN).queryParam("resourceType", resourceType).queryParam("resourceId", id)
                .when().get("/api/v1/audit").then().log().ifValidationFails().statusCode(200).extract().jsonPath().getLong("totalItems");
    }
}
