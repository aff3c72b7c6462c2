package com.newsmell.profile.behavior;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService profiles;

    public ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The behavior profiles, most recently active (or most engaged) first, keyset-paged",
            description = "Every profile in (lastActiveDate or engagementScore descending, userId) order, optionally"
                    + " only one browsingStyle, an engagementScore of at least minEngagement, and a lastActiveDate in"
                    + " [from, to) (either end may be left out). Each item is the profile as GET"
                    + " /v1/profiles/{userId} answers it. Definitions: profile-service README, \"Profile fields\".")
    public Uni<Page<ProfileView>> list(
            @BeanParam PageParams page,
            @BeanParam WindowParams window,
            @QueryParam("sort")
                    @Parameter(
                            description = "The order: lastActiveDate (default) or engagementScore, descending, then"
                                    + " userId.",
                            schema = @Schema(enumeration = {"lastActiveDate", "engagementScore"}))
                    String sort,
            @QueryParam("browsingStyle")
                    @Parameter(
                            description = "Only profiles of this browsing style.",
                            schema = @Schema(enumeration = {"explorer", "focused", "trader", "casual"}))
                    String browsingStyle,
            @QueryParam("minEngagement")
                    @Parameter(
                            description = "Only profiles with an engagementScore of at least this (0-100).",
                            schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "100"))
                    String minEngagement) {
        ProfileListQuery query = ProfileListQuery.of(
                page.limit, page.cursor, window.from, window.to, window.tz, sort, browsingStyle, minEngagement);
        Instant now = Instant.now();
        return profiles.page(query)
                .map(rows -> Page.<UserBehaviorProfile, ProfileView>of(
                                rows,
                                query.limit(),
                                p -> profiles.view(p, now),
                                p -> ProfileListQuery.Cursor.of(p, query.sort()))
                        .window(
                                query.window().from(),
                                query.window().to(),
                                query.window().tz()));
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{userId}")
    @Operation(
            summary = "One user's behavior profile: every field of the seed's UserBehaviorProfile",
            description = "As computed by the last run of the daily job (or a recompute) over the window ending on"
                    + " asOf's day; lastActiveDate is real time and churnRisk is as of this request. Definitions:"
                    + " profile-service README, \"Profile fields\".")
    public Uni<ProfileView> get(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId) {
        return profiles.find(userId).map(profile -> {
            if (profile == null) {
                throw notFound(userId);
            }
            return profiles.view(profile, Instant.now());
        });
    }

    /** The 404 for a user who has no profile (no counted event yet). */
    public static ProblemException notFound(String userId) {
        return new ProblemException(
                Problem.of(404, "profile-not-found", "Profile not found", "No profile for user " + userId + " yet."));
    }
}
