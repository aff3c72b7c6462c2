package com.newsmell.profile.features.api;

import com.newsmell.profile.features.store.FeatureStoreService;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/profiles/{userId}/features")
@Produces(MediaType.APPLICATION_JSON)
public class UserFeaturesResource {

    private final FeatureStoreService store;

    public UserFeaturesResource(FeatureStoreService store) {
        this.store = store;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "A user's feature vector, now or as it was on a day",
            description = "The seed's UserFeatureVector (names and values 0-1, in the schema version's order; every"
                    + " feature's definition: GET /v1/features/schema). Without asOf the current vector; with asOf the"
                    + " latest snapshot at or before that day. 404 problems name the reason in their type:"
                    + " unknown-user, before-retention, no-snapshot, not-computed, version-superseded,"
                    + " feature-schema-not-found. ADR 0021.")
    public Uni<UserFeatureView> get(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId,
            @QueryParam("asOf")
                    @Parameter(
                            description = "A UTC day, YYYY-MM-DD, not in the future: the vector as it was then.",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    String asOf,
            @QueryParam("schemaVersion")
                    @Parameter(
                            description = "The schema version (default: the newest). Vectors of other versions are"
                                    + " never answered instead.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    String schemaVersion) {
        Integer version = FeatureParams.version("schemaVersion", schemaVersion);
        return store.vector(userId, version, FeatureParams.asOf(asOf, FeatureParams.today()))
                .map(lookup -> {
                    if (lookup instanceof FeatureStoreService.Lookup.Missing missing) {
                        throw FeatureParams.notFound(missing);
                    }
                    return UserFeatureView.of(userId, (FeatureStoreService.Lookup.Found) lookup);
                });
    }
}
