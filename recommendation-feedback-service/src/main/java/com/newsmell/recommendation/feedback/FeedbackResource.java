package com.newsmell.recommendation.feedback;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    public Uni<FeedbackView> get(
            @PathParam("recommendationId")
                    @Parameter(description = "The recommendation instance (the events' recommendationId)")
                    String recommendationId) {
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

    @GET
    @Path("/feedback")
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The recommendation impressions of a time window, oldest first, keyset-paged",
            description = "Every recommendation_feedback row whose impressionTime (its earliest non-bot"
                    + " RECOMMENDATION_SHOWN) falls in [from, to), optionally of one algorithm, in (impressionTime,"
                    + " row) order; rows still waiting for their impression are not listed. A list bounded by time"
                    + " alone: from and to are required, at most 93 days apart. Definitions: docs/metrics.md,"
                    + " recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<Page<FeedbackListItem>> list(
            @BeanParam WindowParams window,
            @QueryParam("algorithm")
                    @Parameter(
                            description = "Only the impressions of this algorithm; (unknown) for those without one",
                            schema = @Schema(type = SchemaType.STRING))
                    String algorithm,
            @BeanParam PageParams page) {
        FeedbackListQuery query =
                FeedbackListQuery.of(window.from, window.to, window.tz, algorithm, page.limit, page.cursor);
        return feedback.page(query)
                .map(rows -> Page.<RecommendationFeedback, FeedbackListItem>of(
                                rows, query.limit(), FeedbackListItem::of, FeedbackListQuery.Cursor::of)
                        .window(
                                query.window().from(),
                                query.window().to(),
                                query.window().tz()));
    }

    /** The API's view of a recommendation's feedback. */
    public record FeedbackView(
            @Schema(description = "The recommendation instance (the events' recommendationId).")
            String recommendationId,

            @Schema(
                    description = "One item per user and perfume, ordered by position (items still waiting for"
                            + " their impression last), then perfumeId, then userId.")
            List<FeedbackItem> items) {}

    /** A row of the impressions list: the recommendation it belongs to, and the row as {@link FeedbackItem}. */
    public record FeedbackListItem(
            @Schema(description = "The recommendation instance (the events' recommendationId).")
            String recommendationId,

            @Schema(
                    description = "The viewer: the events' userId, or session:<sessionId> for an anonymous"
                            + " viewer (the seed's RecommendationFeedback requires a user).")
            String userId,

            @Schema(description = "The recommended perfume (the events' perfumeId).")
            String perfumeId,

            @Schema(
                    description = "Where the recommendation was shown (homepage, detail_page, search, email),"
                            + " from the earliest RECOMMENDATION_SHOWN; absent when it did not say.")
            String source,

            @Schema(
                    description = "The algorithm that produced the recommendation, from the earliest"
                            + " RECOMMENDATION_SHOWN; absent when it did not say.")
            String algorithm,

            @Schema(
                    description = "0-based slot in the recommendation list, from the earliest"
                            + " RECOMMENDATION_SHOWN; absent when it did not say.")
            Integer position,

            @Schema(description = "Always true here: every listed row has its impression.")
            boolean viewed,

            @Schema(description = "True once a non-bot RECOMMENDATION_CLICKED was applied.")
            boolean clicked,

            @Schema(description = "The earliest RECOMMENDATION_SHOWN's timestamp (UTC): the list's order.")
            Instant impressionTime,

            @Schema(description = "The earliest RECOMMENDATION_CLICKED's timestamp (UTC); absent without a click.")
            Instant firstInteractionTime,

            @Schema(
                    description = "The algorithm's confidence, 0-1, from the earliest RECOMMENDATION_SHOWN;"
                            + " absent when not sent.")
            Double confidence,

            @Schema(
                    description = "Similarity to the user's preferences, 0-1, from the earliest"
                            + " RECOMMENDATION_SHOWN; absent when not sent.")
            Double similarityScore) {
        static FeedbackListItem of(RecommendationFeedback f) {
            return new FeedbackListItem(
                    f.recommendationId,
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
                            + " from the earliest RECOMMENDATION_SHOWN; absent until that event is applied.")
            String source,

            @Schema(
                    description = "The algorithm that produced the recommendation, from the earliest"
                            + " RECOMMENDATION_SHOWN; absent until that event is applied.")
            String algorithm,

            @Schema(
                    description = "0-based slot in the recommendation list, from the earliest"
                            + " RECOMMENDATION_SHOWN (the seed's position Int); absent until that event is applied.")
            Integer position,

            @Schema(description = "True once a non-bot RECOMMENDATION_SHOWN (an impression) was applied.")
            boolean viewed,

            @Schema(description = "True once a non-bot RECOMMENDATION_CLICKED was applied.")
            boolean clicked,

            @Schema(
                    description =
                            "The earliest RECOMMENDATION_SHOWN's timestamp (UTC); absent until one is" + " applied.")
            Instant impressionTime,

            @Schema(
                    description = "The earliest RECOMMENDATION_CLICKED's timestamp (UTC); absent without a click."
                            + " Only clicks count as interactions in this version.")
            Instant firstInteractionTime,

            @Schema(
                    description = "The algorithm's confidence, 0-1, from the earliest RECOMMENDATION_SHOWN;"
                            + " absent when not sent.")
            Double confidence,

            @Schema(
                    description = "Similarity to the user's preferences, 0-1, from the earliest"
                            + " RECOMMENDATION_SHOWN; absent when not sent.")
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
