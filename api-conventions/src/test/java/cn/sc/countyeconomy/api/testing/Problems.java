package cn.sc.countyeconomy.api.testing;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every error answer must look like: {@code .then().spec(Problems.problem(404, "not-found"))}.
 * Checks the media type, the RFC 9457 members, the request id in body and header, and that no Java
 * class name leaks into the detail.
 */
public final class Problems {

    private Problems() {
    }

    public static ResponseSpecification problem(int status, String typeSlug) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("type", equalTo("urn:problem-type:sc-county-economy:" + typeSlug))
                .expectBody("title", not(emptyOrNullString()))
                .expectBody("status", equalTo(status))
                .expectBody("detail", not(emptyOrNullString()))
                .expectBody("instance", startsWith("/"))
                .expectBody("requestId", notNullValue())
                .expectHeader("X-Request-Id", not(emptyOrNullString()))
                .expectBody("detail", not(org.hamcrest.Matchers.matchesPattern("(?s).*\\b(java|jakarta|org\\.hibernate|io\\.quarkus)\\.[a-z]+\\..*")))
                .build();
    }

    /** A problem of any type with this status. */
    public static ResponseSpecification problem(int status) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("status", equalTo(status))
                .expectBody("type", startsWith("urn:problem-type:sc-county-economy:"))
                .expectBody("requestId", notNullValue())
                .build();
    }
}
