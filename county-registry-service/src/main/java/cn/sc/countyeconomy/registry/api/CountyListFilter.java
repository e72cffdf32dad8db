package cn.sc.countyeconomy.registry.api;

/** The filters of the county list (JSON, CSV and GeoJSON); null means "no filter". */
public record CountyListFilter(String prefecture, String region, String province, String type, String category, Integer year,
        String designation, String name) {
}
