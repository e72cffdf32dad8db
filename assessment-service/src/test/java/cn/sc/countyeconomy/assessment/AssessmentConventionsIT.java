package cn.sc.countyeconomy.assessment;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The conventions tests again, against the packaged application (what ships), in its own process. */
@QuarkusIntegrationTest
@TestProfile(AssessmentTestProfile.class)
class AssessmentConventionsIT extends ConventionsTest {
}
