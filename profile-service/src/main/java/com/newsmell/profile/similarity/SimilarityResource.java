package com.newsmell.profile.similarity;

import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The seed's {@code calculateUserSimilarity(otherUserId)}: {@code GET /v1/profiles/{userId}/similarity/{other}}. */
@Path("/v1/profiles/{userId}/similarity/{otherUserId}")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarityResource {

    private final SimilarityService similarity;

    public SimilarityResource(SimilarityService similarity) {
        this.similarity = similarity;
    }

    /** The similarity of two users. */
    public record SimilarityView(
            @Schema(description = "The user.") String userId,
            @Schema(description = "The other user.") String otherUserId,

            @Schema(
                    description = "Cosine similarity of the two users' feature vectors, 0-1, 4 decimals: 1 for"
                            + " the same behaviour (at any scale), 0 for nothing in common; a vector of zeros"
                            + " is similar to nothing (0). The same value GET …/similar lists.")
            double similarity,

            @Schema(description = "The vectors' schema version (vectors of different versions are never compared).")
            int schemaVersion,

            @Schema(description = "The older of the two vectors' as-of days (UTC).")
            LocalDate asOf) {}

    @GET
    @RolesAllowed(Roles.ANALYST)
    @APIResponse(
            responseCode = "200",
            description = "The two users' similarity",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SimilarityView.class),
                            examples =
                                    @ExampleObject(
                                            name = "similar",
                                            value = "{\"userId\":\"u-1\",\"otherUserId\":\"u-2\",\"similarity\":0.8731,"
                                                    + "\"schemaVersion\":1,\"asOf\":\"2026-12-05\"}")))
    @APIResponse(
            responseCode = "409",
            description = "The two users' vectors are of different schema versions, which are never compared",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(
            summary = "How similar two users are (the seed's calculateUserSimilarity): 0-1",
            description = "Cosine similarity of the users' current feature vectors, computed now. 404 when either user"
                    + " has no vector (unknown, or not computed yet); 409 when their vectors are of different schema"
                    + " versions (never compared; the next vector run brings them to the same). Definitions:"
                    + " profile-service README, \"Similarity\".")
    public Uni<SimilarityView> get(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId,
            @PathParam("otherUserId") @Parameter(description = "The other user") String otherUserId) {
        return similarity
                .pair(userId, otherUserId)
                .map(p -> new SimilarityView(p.userId(), p.otherUserId(), p.similarity(), p.schemaVersion(), p.asOf()));
    }
}
