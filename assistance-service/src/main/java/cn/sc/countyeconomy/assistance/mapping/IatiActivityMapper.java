package cn.sc.countyeconomy.assistance.mapping;

import cn.sc.countyeconomy.assistance.AssistanceProject;
import cn.sc.countyeconomy.assistance.AssistingOrganisation;
import cn.sc.countyeconomy.assistance.FundTransaction;
import cn.sc.countyeconomy.assistance.OrganisationKind;
import cn.sc.countyeconomy.assistance.ResultIndicator;
import cn.sc.countyeconomy.assistance.ResultPeriod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A project as an IATI activity (IATI Activity Standard 2.03, JSON with the XML element and
 * attribute names). Mapped: iati-identifier, reporting-org, title, description, participating-org
 * (lead = role 2 accountable; partners 1 funding / 3 extending / 4 implementing; type 10 government
 * for departments and cities, 15 other public sector for SOEs), activity-status, activity-date
 * (1 planned start, 2 actual start, 3 planned end, 4 actual end), recipient-country (CN),
 * location (administrative code of the county, GB/T 2260), sector (vocabulary 99, this service's
 * sector codes), budget (type 1 original, the project budget over the planned period),
 * transaction (transaction-type 2 commitment, 3 disbursement, 4 expenditure; value in CNY with
 * value-date; provider-org, receiver-org) and result (type 1 output; indicator with baseline and
 * periods with target and actual). Not mapped: policy markers, DAC sector codes, humanitarian
 * flags, documents.
 */
public final class IatiActivityMapper {

    public static final String MEDIA_TYPE = "application/vnd.iati+json";
    public static final String IDENTIFIER_PREFIX = "CN-SC-ASSIST-";

    private IatiActivityMapper() {
    }

    public static Map<String, Object> activity(AssistanceProject p, Function<Long, AssistingOrganisation> orgs,
            List<FundTransaction> transactions, List<ResultIndicator> results) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("iati-identifier", IDENTIFIER_PREFIX + p.id);
        a.put("default-currency", "CNY");
        a.put("xml:lang", "zh");
        a.put("reporting-org", Map.of("ref", "CN-SC-ASSIST", "type", "10",
                "narrative", List.of(narrative("四川省欠发达县域帮扶工作（assistance-service）"))));
        a.put("title", Map.of("narrative", List.of(narrative(p.title))));
        if (p.description != null) {
            a.put("description", List.of(Map.of("type", "1", "narrative", List.of(narrative(p.description)))));
        }
        a.put("participating-org", participatingOrgs(p, orgs));
        a.put("activity-status", Map.of("code", p.status.iatiCode()));
        a.put("activity-date", activityDates(p));
        a.put("recipient-country", List.of(Map.of("code", "CN", "percentage", 100)));
        a.put("location", List.of(Map.of("administrative", List.of(Map.of("vocabulary", "99", "level", "3", "code", p.countyCode)))));
        a.put("sector", List.of(Map.of("vocabulary", "99", "code", p.sector.name(), "percentage", 100)));
        a.put("budget", List.of(Map.of("type", "1", "status", "1",
                "period-start", Map.of("iso-date", p.plannedStart.toString()),
                "period-end", Map.of("iso-date", p.plannedEnd.toString()),
                "value", Map.of("currency", "CNY", "value-date", p.plannedStart.toString(), "value", p.budget.toPlainString()))));
        a.put("transaction", transactions.stream().map(IatiActivityMapper::transaction).toList());
        a.put("result", results.stream().map(IatiActivityMapper::result).toList());
        return a;
    }

    private static List<Map<String, Object>> participatingOrgs(AssistanceProject p, Function<Long, AssistingOrganisation> orgs) {
        List<Map<String, Object>> participating = new ArrayList<>();
        participating.add(org(orgs.apply(p.leadOrganisationId), "2"));
        p.partners.stream().sorted(Comparator.comparing((AssistanceProject.Partner x) -> x.organisationId))
                .forEach(x -> participating.add(org(orgs.apply(x.organisationId), x.role.iatiCode())));
        return participating;
    }

    /** 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
    private static List<Map<String, Object>> activityDates(AssistanceProject p) {
        List<Map<String, Object>> dates = new ArrayList<>();
        dates.add(Map.of("type", "1", "iso-date", p.plannedStart.toString()));
        if (p.actualStart != null) {
            dates.add(Map.of("type", "2", "iso-date", p.actualStart.toString()));
        }
        dates.add(Map.of("type", "3", "iso-date", p.plannedEnd.toString()));
        if (p.actualEnd != null) {
            dates.add(Map.of("type", "4", "iso-date", p.actualEnd.toString()));
        }
        return dates;
    }

    private static Map<String, Object> transaction(FundTransaction t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", "T" + t.id);
        m.put("transaction-type", Map.of("code", t.type.iatiCode()));
        m.put("transaction-date", Map.of("iso-date", t.date.toString()));
        m.put("value", Map.of("currency", "CNY", "value-date", t.date.toString(), "value", t.amount.toPlainString()));
        String description = transactionDescription(t);
        if (description != null) {
            m.put("description", Map.of("narrative", List.of(narrative(description))));
        }
        Map<String, Object> provider = new LinkedHashMap<>();
        if (t.providerOrganisationId != null) {
            provider.put("ref", IDENTIFIER_PREFIX + "ORG-" + t.providerOrganisationId);
        }
        provider.put("narrative", List.of(narrative(t.providerName)));
        m.put("provider-org", provider);
        m.put("receiver-org", Map.of("narrative", List.of(narrative(t.receiverName))));
        return m;
    }

    /**
     * IATI has no element for "this transaction corrects that one": a correction is a transaction of its own (its
     * value possibly negative) whose description names the corrected transaction's ref and the reason.
     */
    static String transactionDescription(FundTransaction t) {
        String rest = t.description == null ? "" : "；" + t.description;
        if (t.correctsTransactionId != null) {
            return "更正交易 T" + t.correctsTransactionId + "：" + t.correctionReason + rest;
        }
        return t.correction ? "更正：" + t.correctionReason + rest : t.description;
    }

    private static Map<String, Object> result(ResultIndicator i) {
        List<Map<String, Object>> periods = new ArrayList<>();
        for (ResultPeriod rp : i.periods) {
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("period-start", Map.of("iso-date", rp.periodStart.toString()));
            period.put("period-end", Map.of("iso-date", rp.periodEnd.toString()));
            period.put("target", Map.of("value", rp.targetValue.toPlainString()));
            if (rp.actualValue != null) {
                period.put("actual", Map.of("value", rp.actualValue.toPlainString()));
            }
            periods.add(period);
        }
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("measure", "1");
        indicator.put("title", Map.of("narrative", List.of(narrative(i.title))));
        indicator.put("x-unit", i.unit);
        indicator.put("baseline", Map.of("year", i.baselineYear, "value", i.baselineValue.toPlainString()));
        indicator.put("period", periods);
        return Map.of("type", "1", "title", Map.of("narrative", List.of(narrative(i.title))), "indicator", List.of(indicator));
    }

    private static Map<String, Object> narrative(String text) {
        return Map.of("text", text, "xml:lang", "zh");
    }

    private static Map<String, Object> org(AssistingOrganisation o, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", IDENTIFIER_PREFIX + "ORG-" + o.id);
        m.put("role", role);
        m.put("type", o.kind == OrganisationKind.PROVINCIAL_SOE || o.kind == OrganisationKind.CENTRAL_SOE ? "15" : "10");
        m.put("narrative", List.of(narrative(o.name)));
        return m;
    }
}
