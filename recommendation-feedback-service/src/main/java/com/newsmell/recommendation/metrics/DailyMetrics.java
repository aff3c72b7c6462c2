package com.newsmell.recommendation.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The daily rollup as served: the rolled-up days of a range with their cells. */
public record DailyMetrics(
        @Schema(description = "The first day (UTC).") LocalDate from,

        @Schema(description = "The day after the last (UTC).")
        LocalDate to,

        @Schema(description = "The rolled-up days in the range, in order.")
        List<Day> days) {

    public record Day(
            @Schema(description = "The UTC day of the impressions.")
            LocalDate day,

            @Schema(
                    description = "True until the attribution window after the day has passed (finalAfter): its"
                            + " conversions may still change.")
            boolean provisional,

            @Schema(description = "When the day becomes final.")
            Instant finalAfter,

            @Schema(
                    description = "How many computations changed the day: a late event re-opens a final day and the"
                            + " next run corrects it.")
            int revision,

            @Schema(description = "When the day was last computed.")
            Instant computedAt,

            @Schema(description = "Its cells (algorithm, source, position), in that order.")
            List<DailyCell> cells) {}
}
