package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.CsvRows;
import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two-way fund summary over a date range, against figures worked by hand. */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class FundMatrixTest {

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private static void tx(long project, String type, String date, String amount, Long provider) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "date", date, "amount", new BigDecimal(amount),
                "providerName", "省财政厅", "receiverName", "县财政局"));
        if (provider != null) {
            body.put("providerOrganisationId", provider);
        }
        as("editor").body(body).post("/api/v1/projects/" + project + "/transactions").then().statusCode(201);
    }

    /** "key|key" -> [committed, disbursed, spent, transactions] as the exact decimal text. */
    private static Map<String, List<String>> cells(List<Map<String, Object>> rows) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            out.put(r.get("rowKey") + "|" + r.get("columnKey"), List.of(String.valueOf(r.get("committed")), String.valueOf(r.get("disbursed")),
                    String.valueOf(r.get("spent")), String.valueOf(r.get("transactions"))));
        }
        return out;
    }

    /**
     * Lead L (provincial department, force PROVINCIAL_TARGETED) leads A in 513423 and B in 513424; P (eastern partner,
     * EAST_WEST_COOPERATION) provides some disbursements. In [2024-01-01, 2024-06-30]:
     * A: commitment 100.00 on 01-15 (no organisation named: the project's force), disbursement 40.00 on 02-10 by L,
     * disbursement 30.00 on 05-20 by P, expenditure 25.50 on 06-01 (no organisation);
     * B: commitment 200.00 on 03-01, disbursement 50.00 on 03-15 by P; and a commitment of 10.00 on 07-01, outside the range.
     */
    @Test
    void twoDimensionsOverADateRangeAddUpByHand() {
        long lead = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        long partner = Api.organisation(Api.unique("东部协作城市"), "EASTERN_PARTNER");
        Api.pairing(lead, "513423", "2024-01-01");
        Api.pairing(lead, "513424", "2024-01-01");
        long a = Api.project(lead, "513423", "2024-01-01", "2025-12-31", false, "SHORT");
        long b = Api.project(lead, "513424", "2024-01-01", "2025-12-31", false, "SHORT");
        tx(a, "COMMITMENT", "2024-01-15", "100.00", null);
        tx(a, "DISBURSEMENT", "2024-02-10", "40.00", lead);
        tx(a, "DISBURSEMENT", "2024-05-20", "30.00", partner);
        tx(a, "EXPENDITURE", "2024-06-01", "25.50", null);
        tx(b, "COMMITMENT", "2024-03-01", "200.00", null);
        tx(b, "DISBURSEMENT", "2024-03-15", "50.00", partner);
        tx(b, "COMMITMENT", "2024-07-01", "10.00", null);

        // county x quarter: Q1 of 513423 = 100.00 committed, 40.00 disbursed (2 transactions); Q2 = 30.00 disbursed, 25.50 spent (2);
        // Q1 of 513424 = 200.00 committed, 50.00 disbursed (2); the 10.00 of 07-01 is outside
        JsonPath byQuarter = as("reader").queryParams(Map.of("rows", "county", "columns", "quarter", "from", "2024-01-01", "to", "2024-06-30",
                "leadOrganisationId", lead)).get("/api/v1/summaries/fund-matrix").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> q = cells(byQuarter.getList("$"));
        assertEquals(List.of("513423|2024-Q1", "513423|2024-Q2", "513424|2024-Q1"), List.copyOf(q.keySet()));
        assertEquals(List.of("100.0", "40.0", "0.0", "2"), q.get("513423|2024-Q1"));
        assertEquals(List.of("0.0", "30.0", "25.5", "2"), q.get("513423|2024-Q2"));
        assertEquals(List.of("200.0", "50.0", "0.0", "2"), q.get("513424|2024-Q1"));

        // force (the provider's; the project's when none is named) x county
        JsonPath byForce = as("reader").queryParams(Map.of("rows", "force", "columns", "county", "from", "2024-01-01", "to", "2024-06-30",
                "leadOrganisationId", lead)).get("/api/v1/summaries/fund-matrix").then().statusCode(200).extract().jsonPath();
        Map<String, List<String>> f = cells(byForce.getList("$"));
        assertEquals(List.of("EAST_WEST_COOPERATION|513423", "EAST_WEST_COOPERATION|513424", "PROVINCIAL_TARGETED|513423",
                "PROVINCIAL_TARGETED|513424"), List.copyOf(f.keySet()));
        assertEquals(List.of("0.0", "30.0", "0.0", "1"), f.get("EAST_WEST_COOPERATION|513423"));
        assertEquals(List.of("0.0", "50.0", "0.0", "1"), f.get("EAST_WEST_COOPERATION|513424"));
        assertEquals(List.of("100.0", "40.0", "25.5", "3"), f.get("PROVINCIAL_TARGETED|513423"));
        assertEquals(List.of("200.0", "0.0", "0.0", "1"), f.get("PROVINCIAL_TARGETED|513424"));

        // provider x year as CSV, the whole range: L 40.00; P 80.00; the named-only provider 省财政厅 100.00 + 200.00 + 10.00 and 25.50 spent
        String csv = as("reader").accept("text/csv").queryParams(Map.of("rows", "provider", "columns", "year", "leadOrganisationId", lead))
                .get("/api/v1/summaries/fund-matrix").then().statusCode(200).extract().asString();
        Map<String, Map<String, String>> byProvider = new HashMap<>();
        for (Map<String, String> r : CsvRows.parse(csv)) {
            byProvider.put(r.get("rowKey") + "|" + r.get("columnKey"), r);
        }
        assertEquals(3, byProvider.size(), csv);
        assertEquals("40.00", byProvider.get(lead + "|2024").get("disbursed"));
        assertEquals("80.00", byProvider.get(partner + "|2024").get("disbursed"));
        assertEquals("310.00", byProvider.get("省财政厅|2024").get("committed"));
        assertEquals("25.50", byProvider.get("省财政厅|2024").get("spent"));
        assertEquals("省财政厅", byProvider.get("省财政厅|2024").get("rowName"));
    }

    @Test
    void dimensionsMustBeTwoKnownDifferentOnes() {
        as("reader").queryParams(Map.of("rows", "county", "columns", "county")).get("/api/v1/summaries/fund-matrix").then()
                .spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParams(Map.of("columns", "county")).get("/api/v1/summaries/fund-matrix").then()
                .spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParams(Map.of("rows", "township", "columns", "county")).get("/api/v1/summaries/fund-matrix").then()
                .spec(Problems.problem(400, "invalid-parameter"));
        as("reader").queryParams(Map.of("rows", "county", "columns", "year", "from", "2024-13-01")).get("/api/v1/summaries/fund-matrix").then()
                .spec(Problems.problem(400, "invalid-parameter"));
    }
}
