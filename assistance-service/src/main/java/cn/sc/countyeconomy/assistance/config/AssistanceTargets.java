package cn.sc.countyeconomy.assistance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/**
 * The plan's targets ("Sichuan Urges 39 County-Level Task Forces to Fulfill the Primary
 * Responsibility") and the weights of the effectiveness score. Configuration, not code, so that a
 * revised plan changes a property, not a release.
 */
@ConfigMapping(prefix = "assistance")
public interface AssistanceTargets {

    Targets targets();

    Weights weights();

    interface Targets {

        /** No fewer than 500 people trained per county per year. */
        @WithDefault("500")
        int trainedPerCountyYear();

        /** About 100 cadres a year from the 39 counties trained by the helpers (province-wide). */
        @WithDefault("100")
        int cadresPerYear();

        /** Each provincial department implements one or two key projects a year per county it helps. */
        @WithDefault("1")
        int keyProjectsPerDepartmentCountyYearMin();

        @WithDefault("2")
        int keyProjectsPerDepartmentCountyYearMax();

        /** The SOEs the plan enlists for the common-prosperity agreements (78). */
        @WithDefault("78")
        int soesInPlan();
    }

    /** Weights of the effectiveness components; they must add up to 100. */
    interface Weights {

        @WithDefault("25")
        BigDecimal training();

        @WithDefault("25")
        BigDecimal disbursement();

        @WithDefault("25")
        BigDecimal projectsOnSchedule();

        @WithDefault("15")
        BigDecimal forcesPresent();

        @WithDefault("10")
        BigDecimal tasksOnTime();
    }
}
