package com.newsmell.profile.graphql;

import com.newsmell.profile.features.api.UserFeatureView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A user's feature vector as GET /v1/profiles/{userId}/features answers it, its values as a list. */
@Description("A user's feature vector (GET /v1/profiles/{userId}/features; every feature's definition:"
        + " GET /v1/features/schema).")
public record FeatureVector(
        @NonNull @Description("The feature schema version of the vector.")
        Integer schemaVersion,

        @NonNull @Description("The UTC day of the run that computed the vector.")
        LocalDate asOf,

        @NonNull @Description("When the vector was known (ADR 0021).")
        Instant computedAt,

        @Description("accountAge before normalisation: whole days from the signup to the run's clock.")
        long accountAgeDays,

        @Description("registered or first-event: which signup time accountAge used.")
        String accountAgeSource,

        @NonNull @Description("The features' names, in the vector's order.")
        List<@NonNull String> names,

        @NonNull @Description("The features' values, each in [0,1], in the same order.")
        List<@NonNull Double> values) {

    static FeatureVector of(UserFeatureView v) {
        return new FeatureVector(
                v.schemaVersion(),
                v.asOf(),
                v.computedAt(),
                v.accountAgeDays(),
                v.accountAgeSource(),
                v.names(),
                Arrays.stream(v.values()).boxed().toList());
    }
}
