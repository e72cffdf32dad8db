package cn.sc.countyeconomy.assistance.service;

/**
 * What fund sums can be grouped by, as SQL over {@link #FROM}: a key and a display name (the county's name as the
 * registry last gave it). Force and
 * organisation are the transaction's provider's (USAspending's "awarding agency"), the project's force when the
 * transaction names no recorded organisation.
 */
public enum FundDimension {

    county("p.county_code", "rc.county_name"), prefecture("substr(p.county_code, 1, 4) || '00'", "cast(null as text)"), force(
            "coalesce(po.force_code, p.force_code)", "af.name_zh"), provider("coalesce(cast(po.id as text), t.provider_name)",
                    "coalesce(po.name, t.provider_name)"), year("to_char(t.transaction_date, 'YYYY')", "cast(null as text)"), quarter(
                            "to_char(t.transaction_date, 'YYYY\"-Q\"Q')",
                            "cast(null as text)"), term("p.term", "cast(null as text)"), sector("p.sector", "cast(null as text)");

    static final String FROM = " from fund_transaction t join project p on p.id = t.project_id"
            + " left join assisting_organisation po on po.id = t.provider_organisation_id"
            + " left join assistance_force af on af.code = coalesce(po.force_code, p.force_code)"
            // the county's name: its latest version in the local copy of the registry facts (schema registry_copy)
            + " left join (select distinct on (code) trim(code) as county_code, name as county_name from registry_copy.county"
            + " order by code, valid_from desc) rc on rc.county_code = p.county_code";

    final String key;
    final String name;

    FundDimension(String key, String name) {
        this.key = key;
        this.name = name;
    }
}
