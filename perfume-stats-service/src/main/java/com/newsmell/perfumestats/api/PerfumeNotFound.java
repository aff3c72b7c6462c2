package com.newsmell.perfumestats.api;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;

/**
 * The 404 of every endpoint about one perfume (its stats, its time series) when the service has never seen it
 * (ADR 0015, "Unknown entities"): no statistics row, i.e. no non-bot interaction with it yet.
 */
public final class PerfumeNotFound {

    private PerfumeNotFound() {}

    public static ProblemException of(String perfumeId) {
        return new ProblemException(Problem.of(
                404,
                "perfume-stats-not-found",
                "Perfume statistics not found",
                "No interactions with perfume " + perfumeId + " yet."));
    }
}
