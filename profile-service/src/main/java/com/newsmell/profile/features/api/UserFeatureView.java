package com.newsmell.profile.features.api;

import com.newsmell.profile.features.VectorText;
import com.newsmell.profile.features.store.FeatureStoreService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's feature vector as it was on a day (GET /v1/profiles/{userId}/features). */
public record UserFeatureView(
        String userId,

        @Schema(description = "The feature schema version of the vector (GET /v1/features/schema?version=).")
        int schemaVersion,

        @Schema(description = "The UTC day of the run that computed the vector (its snapshot's day).")
        LocalDate asOf,

        @Schema(
                description =
                        "When the vector was known: the run's clock plus the time the run had taken" + " (ADR 0021).")
        Instant computedAt,

        @Schema(description = "accountAge before normalisation: whole days from the signup to the run's clock.")
        long accountAgeDays,

        @Schema(
                description = "Which signup time accountAge used: registered (the registration) or"
                        + " first-event (when profile-service first saw the user).",
                enumeration = {"registered", "first-event"})
        String accountAgeSource,

        @Schema(description = "The features' names, in the vector's order.")
        List<String> names,

        @Schema(description = "The features' values, each in [0,1], in the same order.")
        double[] values) {

    /** The view of a vector found (with its schema) for the user. */
    public static UserFeatureView of(String userId, FeatureStoreService.Lookup.Found found) {
        var v = found.vector();
        return new UserFeatureView(
                userId,
                v.schemaVersion(),
                v.asOf(),
                v.computedAt(),
                v.accountAgeDays(),
                v.accountAgeSource(),
                found.schema().names(),
                VectorText.read(v.vector()));
    }
}
