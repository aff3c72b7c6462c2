package com.newsmell.perfumestats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.newsmell.toolkit.http.ProblemException;
import java.util.List;

/** The 400 problems of the pure parameter rules, without HTTP. */
public final class Problems {

    private Problems() {}

    /** The errors of the 400 the call throws, each as "parameter rule". */
    public static List<String> errors(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            return e.problem().errors().stream()
                    .map(v -> v.pointer().replaceFirst("^\\?", "") + " " + v.rule())
                    .toList();
        }
        return fail("expected a 400 problem");
    }
}
