package com.newsmell.recommendation.graphql;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The Perfume entity as recommendation-feedback-service contributes it: its figures as a recommended item. */
@Key(fields = @FieldSet("perfumeId"))
@Description("A perfume (entity, key perfumeId). recommendation-feedback-service: its figures as a recommended item.")
public record Perfume(@NonNull @Description("The perfume.") String perfumeId) {}
