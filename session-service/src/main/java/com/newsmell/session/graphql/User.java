package com.newsmell.session.graphql;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The User entity as session-service contributes it: the user's sessions and searches (field resolvers). */
@Key(fields = @FieldSet("userId"))
@Description("A signed-in user (entity, key userId). session-service: sessions and searches.")
public record User(@NonNull @Description("The user.") String userId) {}
