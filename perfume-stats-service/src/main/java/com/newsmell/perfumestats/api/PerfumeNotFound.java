package com.newsmell.perfumestats.api;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;

/**
 * The 404 of every endpoint about one perfume when the service has never seen it (ADR 0015, "Unknown entities"):
 * its stats and its time series without a statistics row, i.e. no non-bot interaction with it yet ({@link #of});
 * its features without a statistics row nor a catalog entry ({@link #anywhere}).
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

    /**
     * The 404 of a perfume's features: neither a statistics row (no non-bot interaction yet) nor an entry in the
     * service's copy of the catalog.
     */
    public static ProblemException anywhere(String perfumeId) {
        return new ProblemException(Problem.of(
                404,
                "perfume-not-found",
                "Perfume not found",
                "Perfume " + perfumeId + " is not in the catalog and has no interactions yet."));
    }
}
