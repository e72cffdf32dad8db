package cn.sc.countyeconomy.assistance.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepartmentBelowKeyProjects")
public record DepartmentBelowKeyProjects(long organisationId, String name, String countyCode, long keyProjects, int minimum) {
}
