package cn.sc.countyeconomy.api.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiExceptionTest {

    @Test
    void extensionMembersCannotOverwriteTheStandardOnes() {
        for (String reserved : new String[]{"type", "title", "status", "detail", "instance", "requestId", "violations"}) {
            assertThrows(IllegalArgumentException.class, () -> ApiException.conflict("x").with(reserved, "y"), reserved);
        }
    }

    @Test
    void aRuleNamesItselfAndKeepsItsStatus() {
        Problem p = ApiException.rule("disbursement-exceeds-commitment", "too much").with("committed", "100.00").toProblem();
        assertEquals(422, p.status);
        assertEquals("disbursement-exceeds-commitment", p.extensions().get("rule"));
        assertEquals("100.00", p.extensions().get("committed"));
        assertEquals(ProblemType.BUSINESS_RULE.uri(), p.type);
    }
}
