package com.newsmell.recommendation.graphql;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The User entity as recommendation-feedback-service contributes it: the recommendations they were shown. */
@Key(fields = @FieldSet("userId"))
@Description("A signed-in user (entity, key userId). recommendation-feedback-service: their feedback rows.")
public record User(@NonNull @Description("The user.") String userId) {}
