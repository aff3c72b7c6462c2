package com.newsmell.recommendation.feedback;

import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerRow;
import com.newsmell.recommendation.attribution.Outcome;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
    @RolesAllowed(Roles.ANALYST)
    @Path("/{recommendationId}/feedback")
    @Operation(
            summary = "Every ledger row of one recommendation, by position: impression, click, explicit feedback and"
                    + " the conversions credited to it",
            description = "One item per perfume the recommendation was shown, clicked or given feedback for, from"
                    + " non-bot RECOMMENDATION_* events (seconds behind the collector), with the views, wishlist and"
                    + " collection adds, ratings and purchases credited to it by the attribution rule. Definitions:"
                    + " docs/metrics.md, recommendation-feedback-service.")
    public Uni<FeedbackView> get(
            @PathParam("recommendationId")
                    @Parameter(description = "The recommendation instance (the events' recommendationId)")
                    String recommendationId) {
        return feedback.recommendation(recommendationId).map(rows -> {
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
    @RolesAllowed(Roles.ANALYST)
    @Path("/feedback")
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The recommendation impressions of a time window or of a user, oldest first, keyset-paged",
            description = "Every ledger row whose impressionTime (its earliest non-bot RECOMMENDATION_SHOWN) falls in"
                    + " [from, to), optionally of one algorithm and of one user (userId: the rows whose viewer is the"
                    + " user, stitched sessions included), in (impressionTime, row) order, attributed as in"
                    + " GET /v1/recommendations/{recommendationId}/feedback; rows still waiting for their impression"
                    + " are not listed. Without userId a list bounded by time alone: from and to are required, at most"
                    + " 93 days apart; with userId both are optional. Definitions: docs/metrics.md,"
                    + " recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, description = "Required without userId")
    @Parameter(name = "to", style = ParameterStyle.FORM, description = "Required without userId")
    public Uni<Page<FeedbackListItem>> list(
            @BeanParam WindowParams window,
            @QueryParam("algorithm")
                    @Parameter(
                            description = "Only the impressions of this algorithm; (unknown) for those without one",
                            schema = @Schema(type = SchemaType.STRING))
                    String algorithm,
            @QueryParam("userId")
                    @Parameter(
                            description = "Only the impressions this user saw (the rows' viewer, stitched sessions"
                                    + " included); from and to become optional",
                            schema = @Schema(type = SchemaType.STRING))
                    String userId,
            @BeanParam PageParams page) {
        FeedbackListQuery query =
                FeedbackListQuery.of(window.from, window.to, window.tz, algorithm, userId, page.limit, page.cursor);
        Uni<List<AttributedRow>> rows = query.userId() == null
                ? feedback.page(query)
                : feedback.pagesOf(List.of(query.userId()), query).map(pages -> pages.get(query.userId()));
        return rows.map(found -> page(query, found));
    }

    /** A page of the list from the rows fetched (limit + 1): the items and the cursor after the last. */
    public static Page<FeedbackListItem> page(FeedbackListQuery query, List<AttributedRow> rows) {
        return Page.<AttributedRow, FeedbackListItem>of(
                        rows,
                        query.limit(),
                        a -> new FeedbackListItem(a.row().recommendationId(), FeedbackItem.of(a)),
                        a -> FeedbackListQuery.Cursor.of(
                                a.row().impressionTime(), a.row().id()))
                .window(
                        query.window().from(),
                        query.window().to(),
                        query.window().tz());
    }

    /** The API's view of a recommendation's ledger rows. */
    public record FeedbackView(
            @Schema(description = "The recommendation instance (the events' recommendationId).")
            String recommendationId,

            @Schema(
                    description = "One item per perfume, ordered by position (items still waiting for their"
                            + " impression last), then perfumeId.")
            List<FeedbackItem> items) {}

    /** A row of the impressions list: the recommendation it belongs to, and the row as {@link FeedbackItem}. */
    public record FeedbackListItem(
            @Schema(description = "The recommendation instance (the events' recommendationId).")
            String recommendationId,

            @com.fasterxml.jackson.annotation.JsonUnwrapped @Schema(description = "The row (unwrapped).")
            FeedbackItem item) {}

    /** The API's view of a ledger row; each description is its definition in docs/metrics.md. */
    public record FeedbackItem(
            @Schema(
                    description = "The viewer's userId: the row's own (from its earliest identified event), else the"
                            + " user its session later identified as (stitched); absent for an anonymous viewer.")
            String userId,

            @Schema(
                    description = "The anonymous id of the viewer: the sessionId of the row's earliest event (ingest"
                            + " carries no other anonymous id yet).")
            String anonymousId,

            @Schema(
                    description = "user when userId is known, else anonymous.",
                    enumeration = {"user", "anonymous"})
            String identity,

            @Schema(description = "The recommended perfume (the events' perfumeId).")
            String perfumeId,

            @Schema(
                    description = "Where the recommendation was shown (homepage, detail_page, search, email), from the"
                            + " earliest RECOMMENDATION_SHOWN; absent until that event is applied.")
            String source,

            @Schema(description = "The algorithm that produced the list, from the earliest RECOMMENDATION_SHOWN.")
            String algorithm,

            @Schema(
                    description =
                            "The algorithm's version, from the earliest RECOMMENDATION_SHOWN; absent when not sent.")
            String algorithmVersion,

            @Schema(description = "0-based slot in the list, from the earliest RECOMMENDATION_SHOWN.")
            Integer position,

            @Schema(description = "The algorithm's confidence, 0-1; absent when not sent.")
            Double confidence,

            @Schema(description = "Similarity to the user's preferences, 0-1; absent when not sent.")
            Double similarityScore,

            @Schema(description = "True when the list was shown in a shuffled order (position-bias estimation).")
            boolean randomized,

            @Schema(description = "The earliest RECOMMENDATION_SHOWN's timestamp (UTC); absent until one is applied.")
            Instant impressionTime,

            @Schema(description = "True once a non-bot RECOMMENDATION_CLICKED was applied.")
            boolean clicked,

            @Schema(description = "The earliest RECOMMENDATION_CLICKED's timestamp (UTC); absent without a click.")
            Instant clickTime,

            @Schema(
                    description = "clickTime - impressionTime, when both are known and the click is not earlier."
                            + " Unit: milliseconds.")
            Long timeToClickMs,

            @Schema(
                    description = "The earliest response to the impression: its click, its explicit feedback or a"
                            + " credited conversion (UTC); absent without any.")
            Instant firstInteractionTime,

            @Schema(description = "A PERFUME_VIEW of the perfume was credited to this impression (attribution).")
            boolean viewed,

            @Schema(description = "A WISHLIST_ADD of the perfume was credited to this impression (attribution).")
            boolean addedToWishlist,

            @Schema(description = "A COLLECTION_ADD of the perfume was credited to this impression (attribution).")
            boolean addedToCollection,

            @Schema(description = "A RATING_COMPLETED of the perfume was credited to this impression (attribution).")
            boolean rated,

            @Schema(description = "The overall value (1-5) of the latest credited rating; absent without one.")
            Double ratingValue,

            @Schema(description = "A PURCHASE_COMPLETED of the perfume was credited to this impression (attribution).")
            boolean purchased,

            @Schema(description = "The viewer gave a thumbs up (RECOMMENDATION_FEEDBACK), at any time.")
            boolean thumbsUp,

            @Schema(description = "The viewer gave a thumbs down, at any time.")
            boolean thumbsDown,

            @Schema(description = "The viewer hid the perfume, at any time.")
            boolean hidPerfume,

            @Schema(description = "The viewer reported the recommendation irrelevant, at any time.")
            boolean reportedIrrelevant,

            @Schema(description = "The earliest report's reason (ADR 0024); absent without one.")
            String reportReason) {

        static FeedbackItem of(AttributedRow a) {
            LedgerRow f = a.row();
            Outcome o = a.outcome();
            return new FeedbackItem(
                    f.userId(),
                    f.anonymousId(),
                    f.identified() ? "user" : "anonymous",
                    f.perfumeId(),
                    f.source(),
                    f.algorithm(),
                    f.algorithmVersion(),
                    f.position(),
                    f.confidence(),
                    f.similarityScore(),
                    f.randomized(),
                    f.impressionTime(),
                    f.clicked(),
                    f.clickTime(),
                    f.timeToClickMs(),
                    a.firstInteractionTime(),
                    o.viewed(),
                    o.addedToWishlist(),
                    o.addedToCollection(),
                    o.rated(),
                    o.ratingValue(),
                    o.purchased(),
                    f.thumbsUp(),
                    f.thumbsDown(),
                    f.hidPerfume(),
                    f.reportedIrrelevant(),
                    f.reportReason());
        }
    }
}
