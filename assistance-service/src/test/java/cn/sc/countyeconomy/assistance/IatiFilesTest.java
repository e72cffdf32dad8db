package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.Problems;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import static cn.sc.countyeconomy.assistance.Api.as;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The IATI 2.03 files: every file the service produces here validates against the official schemas (copied into the
 * test resources, see iati/PROVENANCE.md; validated offline with the JDK), and carries the project's figures, worked
 * by hand below.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
class IatiFilesTest {

    private static final String COUNTY = "513423";

    @BeforeEach
    void registryFacts() {
        DesignatedCounties.install();
    }

    private static Schema schema(String file) throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f.newSchema(IatiFilesTest.class.getResource("/iati/" + file));
    }

    /** Validates the file against the schema (an invalid file fails the test with the validator's message). */
    private static Document valid(byte[] xml, String schemaFile) throws Exception {
        schema(schemaFile).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String x(Document d, String xpath) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.STRING);
    }

    private static byte[] get(String path, Map<String, ?> query) {
        return as("reader").accept("application/xml").queryParams(query).get(path).then().statusCode(200)
                .contentType(startsWith("application/xml")).extract().asByteArray();
    }

    /**
     * A project 2024-03-01 .. 2025-12-31 with a budget of 1,000,000.00: 306 days in 2024 (Mar 31 + Apr 30 + May 31 +
     * Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31) and 365 in 2025, 671 in all; 2024's budget is
     * 1,000,000.00 x 306 / 671 = 456,035.7675 -> 456035.77, 2025's the rest, 543964.23. Commitment 600,000.00, corrected by
     * -100,000.00; 250,000.00 disbursed by the lead in 2024.
     */
    @Test
    void theActivityAndOrganisationFilesValidateAndCarryTheFigures() throws Exception {
        long lead = Api.organisation(Api.unique("省直部门"), "PROVINCIAL_DEPARTMENT");
        long soe = Api.organisation(Api.unique("中央企业"), "CENTRAL_SOE");
        Api.pairing(lead, COUNTY, "2024-01-01");
        Map<String, Object> project = new java.util.HashMap<>(Map.of("countyCode", COUNTY, "leadOrganisationId", lead,
                "title", Api.unique("木里县特色产业园"), "description", "牦牛肉加工 & 冷链 <一期>", "sector", "INDUSTRY", "term", "MEDIUM",
                "keyProject", true, "plannedStart", "2024-03-01", "plannedEnd", "2025-12-31", "budget", new BigDecimal("1000000.00")));
        project.put("partners", List.of(Map.of("organisationId", soe, "role", "FUNDING")));
        long p = as("editor").body(project)
                .post("/api/v1/projects").then().statusCode(201).extract().jsonPath().getLong("id");
        long commitment = Api.transaction(p, "COMMITMENT", "2024-03-01", "600000.00").then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").body(Map.of("type", "DISBURSEMENT", "date", "2024-04-01", "amount", new BigDecimal("250000.00"),
                "providerOrganisationId", lead, "providerName", "省直部门", "receiverName", "木里县财政局"))
                .post("/api/v1/projects/" + p + "/transactions").then().statusCode(201);
        long correction = as("admin").body(Map.of("type", "COMMITMENT", "date", "2024-05-01", "amount", new BigDecimal("-100000.00"),
                "providerName", "省财政厅", "receiverName", "木里县财政局", "correctsTransactionId", commitment, "correctionReason", "承诺金额多记"))
                .post("/api/v1/projects/" + p + "/transactions").then().statusCode(201).extract().jsonPath().getLong("id");
        as("editor").body(Map.of("title", "带动就业人数", "unit", "人", "baselineYear", 2023, "baselineValue", new BigDecimal("120"),
                "periods", List.of(Map.of("periodStart", "2024-01-01", "periodEnd", "2024-12-31", "target", new BigDecimal("300"),
                        "actual", new BigDecimal("280")))))
                .post("/api/v1/projects/" + p + "/results").then().statusCode(201);

        // the file of all projects validates
        valid(get("/api/v1/iati/activities.xml", Map.of()), "iati-activities-schema.xsd");

        // the file of this lead's projects: one activity, with the figures
        Document d = valid(get("/api/v1/iati/activities.xml", Map.of("leadOrganisationId", lead)), "iati-activities-schema.xsd");
        assertEquals("2.03", x(d, "/iati-activities/@version"));
        assertEquals("1", x(d, "count(/iati-activities/iati-activity)"));
        String a = "/iati-activities/iati-activity";
        assertEquals("CN-SC-ASSIST-" + p, x(d, a + "/iati-identifier"));
        assertEquals("牦牛肉加工 & 冷链 <一期>", x(d, a + "/description/narrative"));
        assertEquals("2", x(d, a + "/participating-org[@ref='CN-SC-ASSIST-ORG-" + lead + "']/@role"));
        assertEquals("1", x(d, a + "/participating-org[@ref='CN-SC-ASSIST-ORG-" + soe + "']/@role"));
        assertEquals("15", x(d, a + "/participating-org[@ref='CN-SC-ASSIST-ORG-" + soe + "']/@type"));
        assertEquals("513400", x(d, a + "/recipient-region/@code"));
        assertEquals("32120", x(d, a + "/sector[@vocabulary='1']/@code"));
        assertEquals("2", x(d, "count(" + a + "/budget)"));
        assertEquals("456035.77", x(d, a + "/budget[period-start/@iso-date='2024-03-01']/value"));
        assertEquals("2024-12-31", x(d, a + "/budget[period-start/@iso-date='2024-03-01']/period-end/@iso-date"));
        assertEquals("543964.23", x(d, a + "/budget[period-start/@iso-date='2025-01-01']/value"));
        assertEquals("2", x(d, "count(" + a + "/planned-disbursement)"));
        assertEquals("-100000.00", x(d, a + "/transaction[@ref='T" + correction + "']/value"));
        assertEquals("2", x(d, a + "/transaction[@ref='T" + correction + "']/transaction-type/@code"));
        assertEquals("更正交易 T" + commitment + "：承诺金额多记", x(d, a + "/transaction[@ref='T" + correction + "']/description/narrative"));
        assertEquals("120.00", x(d, a + "/result/indicator/baseline/@value"));
        assertEquals("300.00", x(d, a + "/result/indicator/period/target/@value"));
        assertEquals("280.00", x(d, a + "/result/indicator/period/actual/@value"));

        // the organisation file validates; the lead's 2024 budget and expenditure are its project's
        Document o = valid(get("/api/v1/iati/organisation.xml", Map.of()), "iati-organisations-schema.xsd");
        String org = "/iati-organisations/iati-organisation[organisation-identifier='CN-SC-ASSIST-ORG-" + lead + "']";
        assertEquals("456035.77", x(o, org + "/total-budget[period-start/@iso-date='2024-01-01']/value"));
        assertEquals("543964.23", x(o, org + "/total-budget[period-start/@iso-date='2025-01-01']/value"));
        assertEquals("250000.00", x(o, org + "/total-expenditure[period-start/@iso-date='2024-01-01']/value"));
    }

    /** The schema requires a description: a project recorded without one (and without money or results) still gives a valid file. */
    @Test
    void aBareProjectWithoutDescriptionGivesAValidFile() throws Exception {
        long lead = Api.organisation(Api.unique("对口帮扶市"), "PAIRED_CITY");
        Api.pairing(lead, COUNTY, "2024-01-01");
        long p = Api.project(lead, COUNTY, "2024-03-01", "2024-12-31", false, "SHORT");
        Document d = valid(get("/api/v1/iati/activities.xml", Map.of("leadOrganisationId", lead)), "iati-activities-schema.xsd");
        String title = x(d, "/iati-activities/iati-activity/title/narrative");
        assertEquals(title, x(d, "/iati-activities/iati-activity/description/narrative"));
        assertEquals("CN-SC-ASSIST-" + p, x(d, "/iati-activities/iati-activity/iati-identifier"));
        assertEquals("1", x(d, "count(/iati-activities/iati-activity/budget)"), "one year, one budget");
        assertEquals("1000000.00", x(d, "/iati-activities/iati-activity/budget/value"));
        valid(get("/api/v1/iati/activities.xml", Map.of()), "iati-activities-schema.xsd");
    }

    @Test
    void aFilterNoProjectMatchesIsA404AndABadFilterA400() {
        as("reader").accept("application/xml").queryParam("leadOrganisationId", 999_999_999).get("/api/v1/iati/activities.xml")
                .then().spec(Problems.problem(404, "not-found"));
        as("reader").accept("application/xml").queryParam("sector", "MINING").get("/api/v1/iati/activities.xml")
                .then().spec(Problems.problem(400, "invalid-parameter"));
    }
}
