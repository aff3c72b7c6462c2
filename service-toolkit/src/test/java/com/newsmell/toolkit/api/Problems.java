package com.newsmell.toolkit.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;

/** Asserts that a call is refused with 400 naming one parameter and one rule. */
final class Problems {

    private Problems() {}

    static void assertRule(Runnable call, String parameter, String rule) {
        ProblemException thrown = null;
        try {
            call.run();
        } catch (ProblemException e) {
            thrown = e;
        }
        assertThat(thrown).as("a 400 on %s/%s", parameter, rule).isNotNull();
        Problem problem = thrown.problem();
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("?" + parameter);
            assertThat(v.rule()).isEqualTo(rule);
        });
    }
}
