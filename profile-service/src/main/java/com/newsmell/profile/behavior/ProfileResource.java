package com.newsmell.profile.behavior;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final ProfileService profiles;

    public ProfileResource(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("/{userId}")
    @Operation(summary = "One user's behavior profile, as built from their events so far")
    public Uni<ProfileView> get(@PathParam("userId") String userId) {
        return profiles.find(userId).map(profile -> {
            if (profile == null) {
                throw new ProblemException(Problem.of(
                        404, "profile-not-found", "Profile not found", "No profile for user " + userId + " yet."));
            }
            return ProfileView.of(profile);
        });
    }

    /** The API's view of a UserBehaviorProfile. */
    public record ProfileView(String userId, int totalPageViews, int totalSearches, Instant lastActiveDate) {
        static ProfileView of(UserBehaviorProfile p) {
            return new ProfileView(p.userId, p.totalPageViews, p.totalSearches, p.lastActiveDate);
        }
    }
}
