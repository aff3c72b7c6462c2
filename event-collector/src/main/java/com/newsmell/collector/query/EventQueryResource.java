package com.newsmell.collector.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Read API: thin; {@link EventQuery} checks the parameters (400 problem details), {@link EventQueryService} reads. */
@Path("/v1/events")
@RolesAllowed(Roles.ANALYST)
public class EventQueryResource {

    private final EventQueryService events;

    public EventQueryResource(EventQueryService events) {
        this.events = events;
    }

    @GET
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "List raw events: of a user, session or perfume, or by time (and type) alone",
            description = "The stored events with timestamp in [from, to), optionally of one eventType, ordered by"
                    + " timestamp, then eventId, keyset-paged. Give userId, sessionId or perfumeId (from and to then"
                    + " optional), or list by time alone: from and to both required, at most 93 days apart. Bots are"
                    + " included (the raw store, not a figure): each event says isBot and botReason. Answer: items"
                    + " (at most limit events as the contract writes them, absent fields left out, instants with"
                    + " milliseconds; timestamp is the clock-corrected time, never later than receivedAt;"
                    + " clientTimestamp and sentAt are the client's clock), nextCursor (absent on the last page),"
                    + " and, when from or to is given, from, to and tz. Accept: text/csv answers the items as CSV"
                    + " (eventData's members as dotted columns).")
    public Uni<Page<ObjectNode>> find(
            @Parameter(description = "The user's events") @QueryParam("userId") String userId,
            @Parameter(description = "The session's events") @QueryParam("sessionId") String sessionId,
            @Parameter(description = "The perfume's events") @QueryParam("perfumeId") String perfumeId,
            @Parameter(
                            description = "Only events of this InteractionEventType",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "PAGE_VIEW",
                                                "PERFUME_VIEW",
                                                "HOUSE_VIEW",
                                                "COLLECTION_VIEW",
                                                "SEARCH_PERFORMED",
                                                "SEARCH_RESULT_CLICKED",
                                                "SEARCH_REFINED",
                                                "SEARCH_NO_RESULTS",
                                                "FILTER_APPLIED",
                                                "FILTER_REMOVED",
                                                "FILTER_CLEARED",
                                                "RATING_STARTED",
                                                "RATING_COMPLETED",
                                                "RATING_UPDATED",
                                                "REVIEW_STARTED",
                                                "REVIEW_SUBMITTED",
                                                "REVIEW_UPDATED",
                                                "WISHLIST_ADD",
                                                "WISHLIST_REMOVE",
                                                "COLLECTION_ADD",
                                                "COLLECTION_UPDATE",
                                                "COLLECTION_REMOVE",
                                                "IMAGE_VIEWED",
                                                "IMAGE_ZOOMED",
                                                "NOTES_EXPANDED",
                                                "NOTES_COLLAPSED",
                                                "SIMILAR_CLICKED",
                                                "HOUSE_LINK_CLICKED",
                                                "PROFILE_VIEWED",
                                                "COLLECTION_SHARED",
                                                "TRADE_INQUIRY",
                                                "NAVIGATION_CLICK",
                                                "BACK_BUTTON",
                                                "EXTERNAL_LINK",
                                                "TRADE_OFFERED",
                                                "TRADE_ACCEPTED",
                                                "TRADE_DECLINED",
                                                "PURCHASE_INITIATED",
                                                "PURCHASE_COMPLETED",
                                                "RECOMMENDATION_SHOWN",
                                                "RECOMMENDATION_CLICKED",
                                                "RECOMMENDATION_FEEDBACK",
                                                "USER_REGISTERED"
                                            }))
                    @QueryParam("eventType")
                    String eventType,
            @Parameter(
                            deprecated = true,
                            description = "Deprecated: use eventType (the same values; not both)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            deprecated = true,
                                            enumeration = {
                                                "PAGE_VIEW",
                                                "PERFUME_VIEW",
                                                "HOUSE_VIEW",
                                                "COLLECTION_VIEW",
                                                "SEARCH_PERFORMED",
                                                "SEARCH_RESULT_CLICKED",
                                                "SEARCH_REFINED",
                                                "SEARCH_NO_RESULTS",
                                                "FILTER_APPLIED",
                                                "FILTER_REMOVED",
                                                "FILTER_CLEARED",
                                                "RATING_STARTED",
                                                "RATING_COMPLETED",
                                                "RATING_UPDATED",
                                                "REVIEW_STARTED",
                                                "REVIEW_SUBMITTED",
                                                "REVIEW_UPDATED",
                                                "WISHLIST_ADD",
                                                "WISHLIST_REMOVE",
                                                "COLLECTION_ADD",
                                                "COLLECTION_UPDATE",
                                                "COLLECTION_REMOVE",
                                                "IMAGE_VIEWED",
                                                "IMAGE_ZOOMED",
                                                "NOTES_EXPANDED",
                                                "NOTES_COLLAPSED",
                                                "SIMILAR_CLICKED",
                                                "HOUSE_LINK_CLICKED",
                                                "PROFILE_VIEWED",
                                                "COLLECTION_SHARED",
                                                "TRADE_INQUIRY",
                                                "NAVIGATION_CLICK",
                                                "BACK_BUTTON",
                                                "EXTERNAL_LINK",
                                                "TRADE_OFFERED",
                                                "TRADE_ACCEPTED",
                                                "TRADE_DECLINED",
                                                "PURCHASE_INITIATED",
                                                "PURCHASE_COMPLETED",
                                                "RECOMMENDATION_SHOWN",
                                                "RECOMMENDATION_CLICKED",
                                                "RECOMMENDATION_FEEDBACK",
                                                "USER_REGISTERED"
                                            }))
                    @QueryParam("type")
                    String type,
            @BeanParam WindowParams window,
            @BeanParam PageParams page) {
        return events.find(EventQuery.of(userId, sessionId, perfumeId, eventType, type, window, page));
    }
}
