package com.newsmell.recommendation.api;

import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.http.QueryParams;
import java.time.Duration;

/** The windows of the service's endpoints beyond the metrics envelope (issue #13: at most 400 days). */
public final class Windows {

    /** The longest window, in days. */
    public static final long MAX_DAYS = 400;

    private Windows() {}

    /** A window of whole dates or instants (whole UTC hours), from before to, at most {@link #MAX_DAYS} days. */
    public static TimeWindow of(String from, String to, String tz) {
        TimeWindow window = TimeWindow.totals(from, to, tz);
        checkLength(window);
        return window;
    }

    /** 400 {@code to max-range} for a window longer than {@link #MAX_DAYS} days. */
    public static void checkLength(TimeWindow window) {
        Duration length = Duration.between(window.from(), window.to());
        if (length.compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw QueryParams.bad(
                    "to",
                    "max-range",
                    "A range may span at most " + MAX_DAYS + " days; this one spans " + length.toHours() + " hours.");
        }
    }
}
