package cn.sc.countyeconomy.reformpilot;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.api.testing.TestClock;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pilot status map on a programme built for the test, as in DashboardTest: today 2024-01-01,
 * deadline 2025-12-31; A on schedule, B at risk, C too few milestones done, D nominated only.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class PilotStatusMapTest extends ApiTest {

    private long implementingSince2021(long program, String county) {
        long id = nominateRaw(program, county, "2020-12-01", EDITOR).statusCode(201).extract().jsonPath().getLong("id");
        transition(id, "APPROVED", "2020-12-15");
        transition(id, "IMPLEMENTING", "2021-01-01");
        createTask(id);
        return id;
    }

    static List<Element> select(Document d, String tag, String cls) {
        NodeList nodes = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cls.equals(e.getAttribute("class"))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void eachPilotCountyHasItsStatusFillAndTheLegendListsTheFourStatuses() throws Exception {
        TestClock.today(LocalDate.of(2024, 1, 1));
        long program = newProgram(LocalDate.of(2025, 12, 31));
        long a = implementingSince2021(program, "510112");
        long b = implementingSince2021(program, "510113");
        implementingSince2021(program, "510114");
        nominateRaw(program, "510115", "2023-12-01", EDITOR).statusCode(201);
        for (long p : List.of(a, b)) {
            milestone(p, "方案出台", "2021-06-30", "DONE", "2021-06-30");
            milestone(p, "试点启动", "2022-06-30", "DONE", "2022-07-15");
            milestone(p, "中期评估", "2023-06-30", "DONE", "2023-06-30");
        }
        milestone(a, "制度完善", "2024-06-30", "IN_PROGRESS", null);
        milestone(a, "总结验收", "2025-06-30", "PLANNED", null);
        milestone(b, "政策配套", "2023-12-01", "IN_PROGRESS", null);
        milestone(b, "平台建设", "2024-01-20", "PLANNED", null);
        milestone(b, "总结验收", "2025-03-31", "PLANNED", null);

        String svg = given().header("Authorization", READER).accept("image/svg+xml").queryParam("programId", program)
                .get("/api/v1/maps/pilots").then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "maps"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "maps", "pilots.svg"), svg);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        List<Element> counties = select(d, "path", "county");
        assertEquals(183, counties.size());
        Map<String, String> classOf = new HashMap<>();
        counties.forEach(c -> classOf.put(c.getAttribute("data-code"), c.getAttribute("data-class")));
        assertEquals("0", classOf.get("510112"), "A: ON_TRACK, the first class");
        assertEquals("1", classOf.get("510113"), "B: AT_RISK");
        assertEquals("no-data", classOf.get("510114"), "C: too few milestones to project");
        assertEquals("no-data", classOf.get("510115"), "D: nominated only");
        assertEquals(179, classOf.values().stream().filter("not-applicable"::equals).count(), "no pilot in this programme");
        List<String> legend = select(d, "g", "legend-class").stream().map(g -> g.getElementsByTagName("text").item(0).getTextContent()).toList();
        assertEquals(List.of("on track 按期推进", "at risk 存在风险", "overdue 已逾期", "accepted 已验收"), legend);
    }

    @Test
    void anUnknownProgrammeIsA404AndAMalformedIdA400() {
        given().header("Authorization", READER).queryParam("programId", 987654).get("/api/v1/maps/pilots").then().spec(Problems.problem(404, "not-found"));
        given().header("Authorization", READER).queryParam("programId", "x").get("/api/v1/maps/pilots").then()
                .spec(Problems.problem(400, "invalid-parameter"));
    }
}
