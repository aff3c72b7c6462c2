package com.newsmell.recommendation.feedback;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @Path("/{recommendationId}/feedback")
    @Operation(
            summary = "How users responded to one recommendation, one item per user and perfume, by position",
            description = "One item per (userId, perfumeId) the recommendation was shown or clicked for, from non-bot"
                    + " RECOMMENDATION_SHOWN / RECOMMENDATION_CLICKED events, updated as each event is consumed"
                    + " (seconds behind the collector). Definitions: docs/metrics.md, recommendation-feedback-service.")
    public Uni<FeedbackView> get(@PathParam("recommendationId") String recommendationId) {
        return feedback.findByRecommendationId(recommendationId).map(rows -> {
            if (rows.isEmpty()) {
                throw new ProblemException(Problem.of(
                        404,
                        "recommendation-not-found",
                        "Recommendation not found",
                        "No feedback for recommendation " + recommendationId + " yet."));
            }
            return new FeedbackView(
                    recommendationId, rows.stream().map(FeedbackItem::of).toList());
        });
    }

    /** The API's view of a recommendation's feedback. */
    public record FeedbackView(
            @Schema(description = "The recommendation instance (the events' recommendationId).")
            String recommendationId,

            @Schema(
                    description = "One item per user and perfume, ordered by position (items still waiting for"
                            + " their impression last), then perfumeId, then userId.")
            List<FeedbackItem> items) {}

    /** The API's view of a RecommendationFeedback row; each description is its definition in docs/metrics.md. */
    public record FeedbackItem(
            @Schema(
                    description = "The viewer: the events' userId, or session:<sessionId> for an anonymous"
                            + " viewer (the seed's RecommendationFeedback requires a user).")
            String userId,

            @Schema(description = "The recommended perfume (the events' perfumeId).")
            String perfumeId,

            @Schema(
                    description = "Where the recommendation was shown (homepage, detail_page, search, email),"
                            + " from the earliest RECOMMENDATION_SHOWN; null until that event is applied.")
            String source,

            @Schema(
                    description = "The algorithm that produced the recommendation, from the earliest"
                            + " RECOMMENDATION_SHOWN; null until that event is applied.")
            String algorithm,

            @Schema(
                    description = "0-based slot in the recommendation list, from the earliest"
                            + " RECOMMENDATION_SHOWN (the seed's position Int); null until that event is applied.")
            Integer position,

            @Schema(description = "True once a non-bot RECOMMENDATION_SHOWN (an impression) was applied.")
            boolean viewed,

            @Schema(description = "True once a non-bot RECOMMENDATION_CLICKED was applied.")
            boolean clicked,

            @Schema(
                    description =
                            "The earliest RECOMMENDATION_SHOWN's timestamp (UTC); null until one is" + " applied.")
            Instant impressionTime,

            @Schema(
                    description = "The earliest RECOMMENDATION_CLICKED's timestamp (UTC); null without a click."
                            + " Only clicks count as interactions in this version.")
            Instant firstInteractionTime,

            @Schema(
                    description = "The algorithm's confidence, 0-1, from the earliest RECOMMENDATION_SHOWN;"
                            + " null when not sent.")
            Double confidence,

            @Schema(
                    description = "Similarity to the user's preferences, 0-1, from the earliest"
                            + " RECOMMENDATION_SHOWN; null when not sent.")
            Double similarityScore) {
        static FeedbackItem of(RecommendationFeedback f) {
            return new FeedbackItem(
                    f.userId,
                    f.perfumeId,
                    f.source,
                    f.algorithm,
                    f.position,
                    f.viewed,
                    f.clicked,
                    f.impressionTime,
                    f.firstInteractionTime,
                    f.confidence,
                    f.similarityScore);
        }
    }
}
