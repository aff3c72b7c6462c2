package com.newsmell.profile.similarity;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A user's most similar users, as the last similar-users run ranked them: {@code GET /v1/profiles/{userId}/similar}. */
@Path("/v1/profiles/{userId}/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarUsersResource {

    /** The default page, as the specification asks ({@code ?limit=10}). */
    public static final int DEFAULT_LIMIT = 10;

    /**
     * The API convention's largest page (ADR 0015); the run keeps at most {@code newsmell.profile.similarity.top} (50)
     * per user, so a page holds at most that many.
     */
    public static final int MAX_LIMIT = 1000;

    private final SimilarityService similarity;

    public SimilarUsersResource(SimilarityService similarity) {
        this.similarity = similarity;
    }

    /** One similar user. */
    public record SimilarUser(
            @Schema(description = "1 for the most similar.") int rank,
            @Schema(description = "The similar user.") String userId,

            @Schema(description = "Cosine similarity of the two users' feature vectors, 0-1, 4 decimals.")
            double similarity) {}

    /** A ranked list: {@code {userId, schemaVersion, asOf, items, nextCursor}}. */
    public record SimilarUsers(
            @Schema(description = "The user.") String userId,

            @Schema(description = "The schema version of the vectors the list was ranked among.")
            Integer schemaVersion,

            @Schema(description = "The UTC day the list was ranked as of (absent: not ranked yet).")
            LocalDate asOf,

            @Schema(description = "Most similar first; ties by userId. Never the user.")
            List<SimilarUser> items,

            @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
            String nextCursor) {

        /** The REST and GraphQL answer of a user's ranking. */
        public static SimilarUsers of(String userId, SimilarityService.Ranking r) {
            return new SimilarUsers(
                    userId,
                    r.schemaVersion(),
                    r.asOf(),
                    r.items().stream()
                            .map(i -> new SimilarUser(i.rank(), i.otherUserId(), i.similarity()))
                            .toList(),
                    r.nextCursor());
        }
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "A user's most similar users (precomputed daily, top 50)",
            description = "The users whose feature vectors (same schema version) are most similar to this user's, most"
                    + " similar first, ties by userId, never the user; as ranked by the last similar-users run (asOf)."
                    + " 404 when the user has no vector; an empty list when the last run did not rank them yet."
                    + " Definitions: profile-service README, \"Similarity\".")
    public Uni<SimilarUsers> list(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId,
            @QueryParam("limit")
                    @Parameter(
                            description = "Users per page: 1 to 1000 (the API convention's), default 10; the run"
                                    + " keeps the top 50, so a page holds at most 50.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "10"))
                    String limit,
            @QueryParam("cursor") @Parameter(description = ApiDocs.CURSOR, schema = @Schema(type = SchemaType.STRING))
                    String cursor) {
        int size = QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = Paging.offset(cursor);
        return similarity.similar(userId, offset, size).map(r -> SimilarUsers.of(userId, r));
    }
}
