package cn.sc.countyeconomy.assistance.mapping;

import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.ResultPeriod;
import cn.sc.countyeconomy.assistance.service.YearlyBudget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Projects and organisations as IATI 2.03 XML, element by element in the order the official schemas require
 * (validated against them in the tests). One writer per file; the caller streams activities or organisations
 * through it one at a time.
 */
public final class IatiXml {

    public static final String VERSION = "2.03";
    public static final String REPORTING_ORG_REF = "CN-SC-ASSIST";
    static final String REPORTING_ORG_NAME = "四川省欠发达县域帮扶工作（assistance-service）";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    /** The reporting organisation's own vocabularies (IATI vocabulary 99). */
    static final String SECTOR_VOCABULARY_URI = "urn:sc-county-economy:assistance:project-sector";
    static final String PREFECTURE_VOCABULARY_URI = "urn:sc-county-economy:registry:prefecture";

    /** A DAC 5-digit purpose code with its name. */
    public record DacSector(String code, String name) {
    }

    /** What one activity needs besides the project itself. */
    public record ActivityData(AssistanceProject project, List<FundTransaction> transactions, List<ResultIndicator> results,
            DacSector dac) {
    }

    private final XMLStreamWriter w;

    public IatiXml(XMLStreamWriter w) {
        this.w = w;
    }

    public void startActivities(Instant generated) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("iati-activities");
        w.writeAttribute("version", VERSION);
        w.writeAttribute("generated-datetime", generated.toString());
    }

    public void startOrganisations(Instant generated) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("iati-organisations");
        w.writeAttribute("version", VERSION);
        w.writeAttribute("generated-datetime", generated.toString());
    }

    public void end() throws XMLStreamException {
        w.writeEndElement();
        w.writeEndDocument();
        w.flush();
    }

    public void activity(ActivityData a, Function<Long, AssistingOrganisation> orgs) throws XMLStreamException {
        AssistanceProject p = a.project();
        w.writeStartElement("iati-activity");
        w.writeAttribute("xml", XML_NS, "lang", "zh");
        w.writeAttribute("default-currency", "CNY");
        w.writeAttribute("hierarchy", "1");
        text("iati-identifier", IatiActivityMapper.IDENTIFIER_PREFIX + p.id);
        reportingOrg();
        narrativeElement("title", p.title);
        // IATI requires a description; a project recorded without one is described by its title
        w.writeStartElement("description");
        w.writeAttribute("type", "1");
        narrative(p.description != null && !p.description.isBlank() ? p.description : p.title);
        w.writeEndElement();
        participatingOrg(orgs.apply(p.leadOrganisationId), "2");
        for (AssistanceProject.Partner x : p.partners.stream().sorted(Comparator.comparing((AssistanceProject.Partner x) -> x.organisationId)
                .thenComparing(x -> x.role)).toList()) {
            participatingOrg(orgs.apply(x.organisationId), x.role.iatiCode());
        }
        empty("activity-status", "code", p.status.iatiCode());
        activityDate("1", p.plannedStart);
        if (p.actualStart != null) {
            activityDate("2", p.actualStart);
        }
        activityDate("3", p.plannedEnd);
        if (p.actualEnd != null) {
            activityDate("4", p.actualEnd);
        }
        empty("recipient-country", "code", "CN");
        w.writeStartElement("recipient-region");
        w.writeAttribute("code", p.countyCode.substring(0, 4) + "00");
        w.writeAttribute("vocabulary", "99");
        w.writeAttribute("vocabulary-uri", PREFECTURE_VOCABULARY_URI);
        narrative("地级行政区划代码 " + p.countyCode.substring(0, 4) + "00");
        w.writeEndElement();
        location(p.countyCode);
        sector("1", null, a.dac().code(), a.dac().name());
        sector("99", SECTOR_VOCABULARY_URI, p.sector.name(), null);
        List<YearlyBudget> years = YearlyBudget.split(p.budget, p.plannedStart, p.plannedEnd);
        for (YearlyBudget y : years) {
            w.writeStartElement("budget");
            w.writeAttribute("type", "1");
            w.writeAttribute("status", "1");
            period(y.start(), y.end());
            value(y.amount(), y.start());
            w.writeEndElement();
        }
        // no separate disbursement plan is recorded: the plan is the yearly budget, disbursed by the lead organisation
        AssistingOrganisation lead = orgs.apply(p.leadOrganisationId);
        for (YearlyBudget y : years) {
            w.writeStartElement("planned-disbursement");
            w.writeAttribute("type", "1");
            period(y.start(), y.end());
            value(y.amount(), y.start());
            w.writeStartElement("provider-org");
            w.writeAttribute("ref", orgRef(lead));
            w.writeAttribute("type", orgType(lead));
            narrative(lead.name);
            w.writeEndElement();
            w.writeEndElement();
        }
        for (FundTransaction t : a.transactions()) {
            transaction(t);
        }
        for (ResultIndicator i : a.results()) {
            result(i);
        }
        w.writeEndElement();
    }

    /** One organisation with its yearly budgets (the projects it leads) and yearly expenditure (what it disbursed). */
    public void organisation(AssistingOrganisation o, Map<Integer, BigDecimal> budgetByYear, Map<Integer, BigDecimal> disbursedByYear)
            throws XMLStreamException {
        w.writeStartElement("iati-organisation");
        w.writeAttribute("xml", XML_NS, "lang", "zh");
        w.writeAttribute("default-currency", "CNY");
        text("organisation-identifier", orgRef(o));
        narrativeElement("name", o.name);
        reportingOrg();
        for (var e : budgetByYear.entrySet()) {
            w.writeStartElement("total-budget");
            w.writeAttribute("status", "1");
            yearPeriodAndValue(e.getKey(), e.getValue());
            w.writeEndElement();
        }
        for (var e : disbursedByYear.entrySet()) {
            w.writeStartElement("total-expenditure");
            yearPeriodAndValue(e.getKey(), e.getValue());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void yearPeriodAndValue(int year, BigDecimal amount) throws XMLStreamException {
        LocalDate start = LocalDate.of(year, 1, 1);
        period(start, LocalDate.of(year, 12, 31));
        value(amount, start);
    }

    /**
     * A transaction; a correction is a transaction of its own with its own (possibly negative) value, as IATI
     * expects, and says in its description which transaction it corrects and why.
     */
    private void transaction(FundTransaction t) throws XMLStreamException {
        w.writeStartElement("transaction");
        w.writeAttribute("ref", "T" + t.id);
        empty("transaction-type", "code", t.type.iatiCode());
        empty("transaction-date", "iso-date", t.date.toString());
        value(t.amount, t.date);
        String description = IatiActivityMapper.transactionDescription(t);
        if (description != null && !description.isBlank()) {
            narrativeElement("description", description);
        }
        w.writeStartElement("provider-org");
        if (t.providerOrganisationId != null) {
            w.writeAttribute("ref", IatiActivityMapper.IDENTIFIER_PREFIX + "ORG-" + t.providerOrganisationId);
        }
        narrative(t.providerName);
        w.writeEndElement();
        narrativeElement("receiver-org", t.receiverName);
        w.writeEndElement();
    }

    private void result(ResultIndicator i) throws XMLStreamException {
        w.writeStartElement("result");
        w.writeAttribute("type", "1");
        narrativeElement("title", i.title);
        w.writeStartElement("indicator");
        w.writeAttribute("measure", "1");
        narrativeElement("title", i.title);
        narrativeElement("description", "单位：" + i.unit);
        w.writeEmptyElement("baseline");
        w.writeAttribute("year", String.valueOf(i.baselineYear));
        w.writeAttribute("value", i.baselineValue.toPlainString());
        for (ResultPeriod rp : i.periods.stream().sorted(Comparator.comparing((ResultPeriod rp) -> rp.periodStart)).toList()) {
            w.writeStartElement("period");
            period(rp.periodStart, rp.periodEnd);
            w.writeEmptyElement("target");
            w.writeAttribute("value", rp.targetValue.toPlainString());
            if (rp.actualValue != null) {
                w.writeEmptyElement("actual");
                w.writeAttribute("value", rp.actualValue.toPlainString());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private void location(String countyCode) throws XMLStreamException {
        w.writeStartElement("location");
        w.writeAttribute("ref", "CN-" + countyCode);
        empty("location-reach", "code", "1");
        narrativeElement("name", "县级行政区划代码 " + countyCode);
        w.writeEmptyElement("administrative");
        w.writeAttribute("vocabulary", "A4");
        w.writeAttribute("level", "1");
        w.writeAttribute("code", "CN-SC");
        w.writeEndElement();
    }

    private void sector(String vocabulary, String uri, String code, String name) throws XMLStreamException {
        w.writeStartElement("sector");
        w.writeAttribute("vocabulary", vocabulary);
        if (uri != null) {
            w.writeAttribute("vocabulary-uri", uri);
        }
        w.writeAttribute("code", code);
        w.writeAttribute("percentage", "100");
        if (name != null) {
            narrative(name, "en");
        }
        w.writeEndElement();
    }

    private void participatingOrg(AssistingOrganisation o, String role) throws XMLStreamException {
        w.writeStartElement("participating-org");
        w.writeAttribute("ref", orgRef(o));
        w.writeAttribute("type", orgType(o));
        w.writeAttribute("role", role);
        narrative(o.name);
        w.writeEndElement();
    }

    private void reportingOrg() throws XMLStreamException {
        w.writeStartElement("reporting-org");
        w.writeAttribute("ref", REPORTING_ORG_REF);
        w.writeAttribute("type", "10");
        narrative(REPORTING_ORG_NAME);
        w.writeEndElement();
    }

    private void activityDate(String type, LocalDate date) throws XMLStreamException {
        w.writeEmptyElement("activity-date");
        w.writeAttribute("type", type);
        w.writeAttribute("iso-date", date.toString());
    }

    private void period(LocalDate start, LocalDate end) throws XMLStreamException {
        empty("period-start", "iso-date", start.toString());
        empty("period-end", "iso-date", end.toString());
    }

    private void value(BigDecimal amount, LocalDate valueDate) throws XMLStreamException {
        w.writeStartElement("value");
        w.writeAttribute("currency", "CNY");
        w.writeAttribute("value-date", valueDate.toString());
        w.writeCharacters(amount.toPlainString());
        w.writeEndElement();
    }

    private void text(String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private void empty(String element, String attribute, String value) throws XMLStreamException {
        w.writeEmptyElement(element);
        w.writeAttribute(attribute, value);
    }

    private void narrativeElement(String element, String text) throws XMLStreamException {
        w.writeStartElement(element);
        narrative(text);
        w.writeEndElement();
    }

    private void narrative(String text) throws XMLStreamException {
        text("narrative", text);
    }

    private void narrative(String text, String lang) throws XMLStreamException {
        w.writeStartElement("narrative");
        w.writeAttribute("xml", XML_NS, "lang", lang);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    static String orgRef(AssistingOrganisation o) {
        return IatiActivityMapper.IDENTIFIER_PREFIX + "ORG-" + o.id;
    }

    /** IATI organisation type: 15 other public sector for state-owned enterprises, 10 government otherwise. */
    static String orgType(AssistingOrganisation o) {
        return o.kind == OrganisationKind.PROVINCIAL_SOE || o.kind == OrganisationKind.CENTRAL_SOE ? "15" : "10";
    }
}
