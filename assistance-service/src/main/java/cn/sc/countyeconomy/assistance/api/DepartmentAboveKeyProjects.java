package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepartmentAboveKeyProjects", description = "A provincial department with more key projects starting in the year in a county "
        + "it helps than the plan's \"one or two\" allow.")
public record DepartmentAboveKeyProjects(long organisationId, String name, String countyCode, long keyProjects, int maximum) {
}
