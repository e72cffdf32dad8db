package cn.sc.countyeconomy.assistance;

/** Sector of a project; exported to IATI under a reporting-organisation vocabulary (99). */
public enum ProjectSector {
    INDUSTRY, LIVELIHOOD, INFRASTRUCTURE, PUBLIC_WELFARE, EMPLOYMENT, EDUCATION, HEALTH, ECOLOGY, OTHER
}
