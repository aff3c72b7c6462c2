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

@Path("/v1/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService feedback;

    public FeedbackResource(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @Path("/{recommendationId}/feedback")
    @Operation(summary = "How users responded to one recommendation, one item per user and perfume, by position")
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
    public record FeedbackView(String recommendationId, List<FeedbackItem> items) {}

    /** The API's view of a RecommendationFeedback row. */
    public record FeedbackItem(
            String userId,
            String perfumeId,
            String source,
            String algorithm,
            Integer position,
            boolean viewed,
            boolean clicked,
            Instant impressionTime,
            Instant firstInteractionTime,
            Double confidence,
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
