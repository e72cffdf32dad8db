package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Designations per programme: a designation names its source ({@code <system>:<programme>}), a county
 * may hold one type from several sources at once, and overlap is refused only within one type, county
 * and source (issue 11: 合江县's 2020 pilot designation refused every later programme's).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DesignationSourceTest {

    static final String READER = TestTokens.bearer("reader");
    static final String EDITOR = TestTokens.bearer("editor");
    /** Programme ids of reform-pilot-service that no other test uses. */
    private static final AtomicInteger PROGRAMMES = new AtomicInteger(9000);

    private static String newProgrammeSource() {
        return "reform-pilot:programme/" + PROGRAMMES.incrementAndGet();
    }

    private static ValidatableResponse add(String type, String county, String from, String to, String source) {
        Map<String, Object> body = new HashMap<>();
        body.put("typeCode", type);
        body.put("countyCode", county);
        body.put("validFrom", from);
        body.put("validTo", to);
        body.put("sourceRef", "DesignationSourceTest");
        body.put("note", "测试");
        body.put("source", source);
        return given().header("Authorization", EDITOR).contentType("application/json").body(body)
                .when().post("/api/v1/designations").then();
    }

    @Test
    void theSeededPilotsOf2020CarryTheirProgrammeAsSource() {
        given().header("Authorization", READER).queryParam("source", "reform-pilot:programme/1").queryParam("size", 100)
                .when().get("/api/v1/designations").then().statusCode(200)
                .body("totalItems", equalTo(9))
                .body("items.typeCode", everyItem(equalTo("REFORM_PILOT")))
                .body("items.countyCode", hasItems("510522", "511181"));
        given().header("Authorization", READER).queryParam("type", "UNDERDEVELOPED_COUNTY").queryParam("asOf", "2021-06-01").queryParam("size", 100)
                .when().get("/api/v1/designations").then().statusCode(200)
                .body("totalItems", equalTo(39))
                .body("items.source", everyItem(equalTo("registry:underdeveloped-counties")));
    }

    @Test
    void aCountyHoldsAPilotDesignationOfASecondProgrammeBesideThe2020One() {
        String source = newProgrammeSource();
        // 合江县 holds REFORM_PILOT of programme 1 from 2020-07-03, open-ended
        add("REFORM_PILOT", "510522", "2026-02-01", null, source).statusCode(201)
                .body("source", equalTo(source)).body("typeCode", equalTo("REFORM_PILOT"));
        given().header("Authorization", READER).queryParam("asOf", "2026-03-01").when().get("/api/v1/counties/510522")
                .then().statusCode(200)
                .body("designations.findAll { it.typeCode == 'REFORM_PILOT' }.source", hasItems("reform-pilot:programme/1", source));
    }

    @Test
    void anOverlapWithinOneSourceIsStillA409NamingTheSource() {
        String source = newProgrammeSource();
        long first = add("REFORM_PILOT", "511321", "2026-02-01", "2027-01-01", source).statusCode(201).extract().jsonPath().getLong("id");
        add("REFORM_PILOT", "511321", "2026-06-01", null, source).spec(Problems.problem(409, "conflict"))
                .body("conflictingId", equalTo((int) first)).body("source", equalTo(source))
                .body("detail", containsString(source));
        // back to back within one source is no overlap (validTo is exclusive)
        add("REFORM_PILOT", "511321", "2027-01-01", null, source).statusCode(201);
    }

    @Test
    void withoutASourceADesignationIsManualAndManualOnesExcludeEachOther() {
        add("REFORM_PILOT", "511623", "2030-01-01", null, null).statusCode(201).body("source", equalTo("registry:manual"));
        add("REFORM_PILOT", "511623", "2031-01-01", null, null).spec(Problems.problem(409, "conflict"));
    }

    @Test
    void aSourceOutsideTheFormatIsRefusedNamingTheField() {
        add("REFORM_PILOT", "511723", "2026-02-01", null, "Reform Pilot 1").spec(Problems.problem(422, "validation-failed"))
                .body("violations.field", hasItems("source"));
        given().header("Authorization", READER).queryParam("source", "no colon").when().get("/api/v1/designations")
                .then().spec(Problems.problem(400, "invalid-parameter")).body("violations[0].field", equalTo("source"));
    }

    @Test
    void aPlannedEndMayBeBroughtForwardButNotPushedBack() {
        String source = newProgrammeSource();
        long id = add("REFORM_PILOT", "510704", "2026-02-01", "2029-01-01", source).statusCode(201).extract().jsonPath().getLong("id");
        end(id, "2027-09-15").statusCode(200).body("validTo", equalTo("2027-09-15"));
        end(id, "2028-01-01").spec(Problems.problem(422, "business-rule-violated"))
                .body("rule", equalTo("already-ended")).body("validTo", equalTo("2027-09-15"));
    }

    private static ValidatableResponse end(long id, String date) {
        String etag = given().header("Authorization", READER).when().get("/api/v1/designations/" + id).then().extract().header("ETag");
        return given().header("Authorization", EDITOR).header("If-Match", etag).contentType("application/json")
                .body(Map.of("endDate", date, "reason", "验收通过"))
                .when().post("/api/v1/designations/" + id + "/end").then();
    }
}
