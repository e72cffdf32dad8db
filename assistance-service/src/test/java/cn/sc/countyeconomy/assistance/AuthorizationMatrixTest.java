package cn.sc.countyeconomy.assistance;

import cn.sc.countyeconomy.api.testing.AuthorizationMatrix;
import cn.sc.countyeconomy.api.testing.OpenApiOperations;
import cn.sc.countyeconomy.registry.client.testing.RegistryTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the service's OpenAPI document x (no token; reader, editor, approver, admin, each
 * unlimited, limited to 510522 and limited to 510104): the answer is the one the document states. Operations
 * that change an existing resource are called with an id no resource has, so their county is not checked here
 * (only that they are refused, and not with 401); the report lists them.
 */
@QuarkusTest
@TestProfile(AuthorizationMatrixTest.OwnDatabase.class)
class AuthorizationMatrixTest {

    /**
     * A start of its own with a database of its own: the matrix calls every write as every role, and what
     * those calls change must not reach the other test classes' data (their results would depend on test order).
     */
    public static class OwnDatabase extends RegistryTestProfile {
    }

    @Test
    void everyOperationAnswersAsItsDeclaredRuleSays() {
        AuthorizationMatrix.Result result = AuthorizationMatrix.of(OpenApiOperations.load()).counties("510522", "510104").run();
        System.out.println("Authorization matrix of assistance-service: " + result.report() + "; county by placeholder resource: "
                + result.unresolved());
        assertTrue(result.failures().isEmpty(), result.report());
    }
}
