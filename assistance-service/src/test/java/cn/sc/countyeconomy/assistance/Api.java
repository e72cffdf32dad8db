package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Shortcuts for the tests: tokens, and the few creates that most tests need as a starting point. */
final class Api {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    static RequestSpecification as(String... roles) {
        return given().header("Authorization", TestTokens.bearer(roles)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A name no other test of this run uses (a counter: its length does not depend on the machine). */
    static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    static long organisation(String name, String kind) {
        return as("editor").body(Map.of("name", name, "kind", kind))
                .post("/api/v1/organisations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long pairing(long organisationId, String county, String from) {
        return as("editor").body(Map.of("organisationId", organisationId, "countyCode", county, "validFrom", from))
                .post("/api/v1/pairings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A project of the county led by the organisation (which must be paired with it). */
    static long project(long lead, String county, String plannedStart, String plannedEnd, boolean key, String term) {
        return as("editor").body(Map.of("countyCode", county, "leadOrganisationId", lead, "title", unique("项目"), "sector", "INDUSTRY",
                "term", term, "keyProject", key, "plannedStart", plannedStart, "plannedEnd", plannedEnd,
                "budget", new BigDecimal("1000000.00")))
                .post("/api/v1/projects").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.Response transaction(long project, String type, String date, String amount) {
        return as("editor").body(Map.of("type", type, "date", date, "amount", new BigDecimal(amount),
                "providerName", "省财政厅", "receiverName", "县财政局"))
                .post("/api/v1/projects/" + project + "/transactions");
    }

    static void transition(long project, String status, String date, String... roles) {
        as(roles.length == 0 ? new String[]{"editor", "approver"} : roles)
                .body(Map.of("status", status, "date", date))
                .post("/api/v1/projects/" + project + "/transitions").then().statusCode(200);
    }
}
