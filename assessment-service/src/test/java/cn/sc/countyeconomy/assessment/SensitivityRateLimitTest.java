package cn.sc.countyeconomy.assessment;

import cn.sc.countyeconomy.api.testing.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.notNullValue;

/** Starting sensitivity analyses is rate-limited: past the limit, 429 with Retry-After. */
@QuarkusTest
@TestProfile(SensitivityRateLimitTest.TwoPerMinute.class)
class SensitivityRateLimitTest {

    /** The service's test profile with a limit of two starts a minute (a profile of its own: the app restarts once). */
    public static class TwoPerMinute extends AssessmentTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("cn.sc.countyeconomy.assessment.service.SensitivityService/create/RateLimit/value", "2");
            return config;
        }
    }

    @Test
    void theThirdStartWithinTheWindowIs429WithRetryAfter() {
        // the limiter counts attempts before any work: two attempts (on a run that does not exist) use the window up
        for (int i = 0; i < 2; i++) {
            Api.as("editor").body("{\"replications\":10}").post("/api/v1/runs/987654/sensitivity")
                    .then().spec(Problems.problem(404, "not-found"));
        }
        Api.as("editor").body("{\"replications\":10}").post("/api/v1/runs/987654/sensitivity")
                .then().spec(Problems.problem(429, "too-many-requests"))
                .header("Retry-After", notNullValue());
    }
}
