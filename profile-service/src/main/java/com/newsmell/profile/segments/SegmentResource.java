package com.newsmell.profile.segments;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.Paging;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The weekly segments (README "Segments"). */
@Path("/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentService segments;

    public SegmentResource(SegmentService segments) {
        this.segments = segments;
    }

    /** A user of a segment. */
    public record SegmentUser(
            @Schema(description = "The user (the events' userId).")
            String userId) {}

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The latest week's segments, largest first",
            description = "The segments of the latest weekly segmentation (k-means over the feature vectors of the"
                    + " latest schema version, Sunday 01:00 UTC): each with its size, share, centroid and most"
                    + " distinctive features. Empty before the first run. Definitions: profile-service README,"
                    + " \"Segments\".")
    public Uni<Page<SegmentView>> list(@BeanParam PageParams page) {
        int limit = page.size();
        int offset = page.offset();
        return segments.latest().map(all -> {
            List<SegmentView> items = all.stream().skip(offset).limit(limit).toList();
            String next = all.size() > offset + limit ? Paging.offsetCursor(offset + limit) : null;
            return new Page<>(items, next);
        });
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{segmentId}/users")
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "A segment's users, by userId, keyset-paged",
            description = "The users the segmentation of the segment's week put in it, in userId order. 404 for a"
                    + " segment that does not exist (or whose week is no longer kept).")
    public Uni<Page<SegmentUser>> users(
            @PathParam("segmentId") @Parameter(description = "The segment (GET /v1/segments: id)") String segmentId,
            @BeanParam PageParams page) {
        int limit = page.size();
        LocalDate week = SegmentService.weekOfId(segmentId);
        String after = afterUser(page.cursor, segmentId);
        return segments.users(segmentId, after, limit + 1)
                .map(users -> Page.<String, SegmentUser>of(
                        users,
                        limit,
                        SegmentUser::new,
                        u -> QueryParams.encodeCursor(
                                week.atStartOfDay(ZoneOffset.UTC).toInstant().toString(), segmentId, u)));
    }

    /** The last user of the previous page of this segment; any other cursor is a 400 problem. */
    private static String afterUser(String cursor, String segmentId) {
        String[] parts = QueryParams.decodeCursor(cursor, 3);
        if (parts == null) {
            return null;
        }
        if (!parts[1].equals(segmentId)) {
            throw QueryParams.bad("cursor", "format", "cursor belongs to another segment than " + segmentId + ".");
        }
        return parts[2];
    }
}
