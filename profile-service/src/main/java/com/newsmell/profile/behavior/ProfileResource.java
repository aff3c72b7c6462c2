package com.newsmell.profile.behavior;

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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The behavior profiles, most recently active first, keyset-paged",
            description = "Every profile in (lastActiveDate descending, userId) order, optionally only those whose"
                    + " lastActiveDate is in [from, to) (either end may be left out). Each item is the profile as"
                    + " GET /v1/profiles/{userId} answers it. Definitions: docs/metrics.md, profile-service.")
    public Uni<Page<ProfileView>> list(@BeanParam PageParams page, @BeanParam WindowParams window) {
        ProfileListQuery query = ProfileListQuery.of(page.limit, page.cursor, window.from, window.to, window.tz);
        return profiles.page(query)
                .map(rows -> Page.<UserBehaviorProfile, ProfileView>of(
                                rows, query.limit(), ProfileView::of, ProfileListQuery.Cursor::of)
                        .window(
                                query.window().from(),
                                query.window().to(),
                                query.window().tz()));
    }

    @GET
    @Path("/{userId}")
    @Operation(
            summary = "One user's behavior profile, as built from their events so far",
            description =
                    "Counts of the user's own (signed-in, non-bot) events since their first one, updated as each"
                            + " event is consumed (seconds behind the collector). Definitions: docs/metrics.md, profile-service.")
    public Uni<ProfileView> get(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId) {
        return profiles.find(userId).map(profile -> {
            if (profile == null) {
                throw new ProblemException(Problem.of(
                        404, "profile-not-found", "Profile not found", "No profile for user " + userId + " yet."));
            }
            return ProfileView.of(profile);
        });
    }

    /** The API's view of a UserBehaviorProfile; each field's description is its definition in docs/metrics.md. */
    public record ProfileView(
            @Schema(description = "The user (the events' userId); anonymous events build no profile.")
            String userId,

            @Schema(
                    description = "Events of category VIEW (the seed's totalPageViews: eventCategory === \"VIEW\")"
                            + " of this user, bots excluded, since their first event. Unit: events.")
            int totalPageViews,

            @Schema(
                    description = "Events of category SEARCH (the seed's totalSearches: eventCategory ==="
                            + " \"SEARCH\": performed, refined, no-results, result clicks) of this user, bots"
                            + " excluded, since their first event. Unit: events.")
            int totalSearches,

            @Schema(
                    description = "Events of categories RATING, REVIEW and COLLECTION (the seed's"
                            + " totalInteractions) of this user, bots excluded, since their first event;"
                            + " wishlist events (category WISHLIST) are not interactions. Unit: events.")
            int totalInteractions,

            @Schema(description = "The largest timestamp (UTC) of this user's counted events.")
            Instant lastActiveDate) {
        static ProfileView of(UserBehaviorProfile p) {
            return new ProfileView(p.userId, p.totalPageViews, p.totalSearches, p.totalInteractions, p.lastActiveDate);
        }
    }
}
