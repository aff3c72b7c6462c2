package com.newsmell.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.ProblemException;
import org.junit.jupiter.api.function.Executable;

/** Test helper: a parameter parse must fail with a 400 problem naming the parameter and its rule. */
public final class QueryProblems {

    private QueryProblems() {}

    public static void assertViolation(String parameter, String rule, Executable call) {
        try {
            call.execute();
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().errors())
                    .extracting(Violation::pointer, Violation::rule)
                    .containsExactly(tuple("?" + parameter, rule));
            return;
        } catch (Throwable t) {
            throw new AssertionError("expected a 400 problem on " + parameter + ", got " + t, t);
        }
        throw new AssertionError("expected a 400 problem on " + parameter + "/" + rule);
    }

    /** A GET of the url answers a 400 problem whose first error names the parameter and the rule. */
    public static void http(String url, String parameter, String rule) {
        io.restassured.RestAssured.given()
                .get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", org.hamcrest.Matchers.equalTo(parameter))
                .body("errors[0].rule", org.hamcrest.Matchers.equalTo(rule));
    }
}
