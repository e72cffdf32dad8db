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
 * Replicas starting at once on one empty database seed it once: each takes a transaction-scoped
 * advisory lock first, so the second waits for the first's commit and then finds the indicators.
 */
@ApplicationScoped
public class FrameworkSeeder {

    @Inject
    ObjectMapper json;
    @Inject
    FrameworkService framework;
    @Inject
    Clock clock;

    /** The advisory lock's key (any constant of this database's own: no other lock uses it). */
    static final long SEED_LOCK = 0x5eed_f4a3_e000_0001L;

    @Transactional
    void onStart(@Observes StartupEvent ev) throws IOException {
        Indicator.getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:k)) l")
                .setParameter("k", SEED_LOCK).getSingleResult();
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
