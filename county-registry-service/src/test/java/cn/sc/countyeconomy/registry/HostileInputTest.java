package cn.sc.countyeconomy.registry;

import cn.sc.countyeconomy.api.testing.HostileRequests;
import cn.sc.countyeconomy.api.testing.PostgresTestResource;
import cn.sc.countyeconomy.api.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The robustness test, driven by this service's OpenAPI document: every operation receives hostile
 * requests (see HostileRequests) and none is answered 5xx, and every error is problem+json.
 */
@QuarkusTest
@TestProfile(HostileInputTest.OwnDatabase.class)
class HostileInputTest {

    /** A start of its own with a database of its own: the requests that pass validation write. */
    public static class OwnDatabase implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class));
        }
    }

    @Test
    void noHostileRequestToAnyOperationIsAnswered5xxOrWithoutProblemJson() {
        int sent = HostileRequests.probeEveryOperation(TestTokens.bearer("admin", "editor", "approver", "reader"), Map.of());
        assertTrue(sent > 500, "only " + sent + " hostile requests were sent");
    }
}
