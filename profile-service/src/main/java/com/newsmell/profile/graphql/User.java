package com.newsmell.profile.graphql;

import com.newsmell.profile.behavior.ProfileView;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The User entity as profile-service contributes it: the behaviour profile, its segment and similar users. */
@Key(fields = @FieldSet("userId"))
@Description(
        "A signed-in user (entity, key userId). profile-service: profile, feature vector, segment, similar" + " users.")
public record User(
        @NonNull @Description("The user.") String userId,

        @Description("The behaviour profile (GET /v1/profiles/{userId}), with segmentId; absent before the profile job"
                + " computed it.")
        ProfileView profile) {}
