package cn.sc.countyeconomy.registry.rest;

import cn.sc.countyeconomy.api.problem.ApiException;
import cn.sc.countyeconomy.api.request.QueryParams;
import cn.sc.countyeconomy.registry.api.CountyListFilter;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Clock;
import java.time.LocalDate;

/** Query parameters of the county list, shared by JSON, CSV and GeoJSON. */
public class CountyListParams {

    @QueryParam("asOf")
    @Parameter(description = "The date the list is for (YYYY-MM-DD); default today (China). Lists the counties valid on it, with the names and parents they had then.", example = "2015-01-01")
    public String asOf;
    @QueryParam("prefecture")
    @Parameter(description = "Prefecture code (6 digits).", example = "510500")
    public String prefecture;
    @QueryParam("region")
    @Parameter(description = "Economic region code.", example = "SOUTH_SICHUAN")
    public String region;
    @QueryParam("province")
    @Parameter(description = "Province code (6 digits), for a register holding more than Sichuan.", example = "510000")
    public String province;
    @QueryParam("type")
    @Parameter(description = "DISTRICT, COUNTY_LEVEL_CITY, COUNTY or AUTONOMOUS_COUNTY.", example = "COUNTY")
    public String type;
    @QueryParam("category")
    @Parameter(description = "Assessment category code; with `year` for that year, else the latest assignment up to asOf's year.", example = "MAIN_FARM_PRODUCE")
    public String category;
    @QueryParam("year")
    @Parameter(description = "Year of the category assignment used by `category` and the `category` field.", example = "2018")
    public String year;
    @QueryParam("designation")
    @Parameter(description = "Designation type code active on asOf.", example = "UNDERDEVELOPED_COUNTY")
    public String designation;
    @QueryParam("name")
    @Parameter(description = "Part of the Chinese name or of the pinyin/English name (case, spaces and apostrophes ignored).", example = "hejiang")
    public String name;

    public LocalDate date(Clock clock) {
        return Params.asOf(asOf, clock);
    }

    public CountyListFilter filter() {
        if (name != null && name.isBlank()) {
            throw ApiException.invalidParameter("name", "must not be blank");
        }
        return new CountyListFilter(QueryParams.countyCode("prefecture", prefecture), Params.upper(region), QueryParams.countyCode("province", province),
                Params.upper(type), Params.upper(category), QueryParams.year("year", year, false), Params.upper(designation), name);
    }
}
