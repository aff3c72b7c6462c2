package com.newsmell.profile.segments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A segment of a week, as {@code GET /v1/segments} answers it (README "Segments"). */
public record SegmentView(
        @Schema(description = "The segment: <week>-<number>, e.g. 2026-12-06-1.")
        String id,

        @Schema(description = "The Sunday (UTC) of the week the segmentation ran for.")
        LocalDate week,

        @Schema(description = "1 for the largest segment of the week, then by size.")
        int number,

        @Schema(description = "The schema version of the vectors segmented (the latest at the run).")
        int schemaVersion,

        @Schema(description = "Users in the segment.") int size,

        @Schema(description = "size / the users segmented that week, 0-1, 4 decimals.")
        double share,

        @Schema(description = "The segment's mean feature vector (4 decimals), by feature position.")
        List<Double> centroid,

        @Schema(
                description = "The features that set the segment apart most: the largest |segment mean -"
                        + " population mean| in population standard deviations, largest first.")
        List<Feature> distinctiveFeatures,

        @Schema(description = "When the run that computed it ran (UTC).")
        Instant computedAt) {

    /** A distinctive feature. */
    public record Feature(
            @Schema(description = "The feature's position in the vector (0-based).")
            int index,

            @Schema(description = "The feature's name, when the vector schema names it.")
            String name,

            @Schema(description = "The segment's mean of the feature.")
            double segmentMean,

            @Schema(description = "The mean of every segmented user.")
            double populationMean,

            @Schema(description = "segmentMean - populationMean.")
            double difference,

            @Schema(description = "difference / the population's standard deviation of the feature.")
            double standardDifference) {}
}
