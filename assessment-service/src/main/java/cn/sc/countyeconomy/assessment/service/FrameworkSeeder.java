package cn.sc.countyeconomy.assessment.service;

import cn.sc.countyeconomy.assessment.AssessmentScheme;
import cn.sc.countyeconomy.assessment.Indicator;
import cn.sc.countyeconomy.assessment.IndicatorDefinition;
import cn.sc.countyeconomy.assessment.api.IndicatorInput;
import cn.sc.countyeconomy.assessment.api.SchemeDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Loads the default framework (framework/default-framework.json: 27 indicators and a published
 * scheme for each listed year, weights labelled as the project's own) into an empty database.
 */
@ApplicationScoped
public class FrameworkSeeder {

    @Inject
    ObjectMapper json;
    @Inject
    FrameworkService framework;
    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent ev) throws IOException {
        if (Indicator.count() > 0) {
            return;
        }
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/framework/default-framework.json")) {
            root = json.readTree(in);
        }
        for (JsonNode n : root.get("indicators")) {
            framework.add(json.treeToValue(n, IndicatorInput.class)); // defined for every year
        }
        SchemeDefinition def = framework.check(IndicatorDefinition.FIRST_YEAR, json.treeToValue(root.get("scheme"), SchemeDefinition.class));
        for (JsonNode y : root.get("schemeYears")) {
            AssessmentScheme s = new AssessmentScheme();
            s.year = y.asInt();
            s.schemeVersion = 1;
            s.status = AssessmentScheme.PUBLISHED;
            s.definition = framework.write(def);
            s.createdAt = Instant.now(clock);
            s.publishedAt = s.createdAt;
            s.persist();
        }
    }
}
