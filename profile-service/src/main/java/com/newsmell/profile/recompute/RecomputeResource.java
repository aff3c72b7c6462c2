package com.newsmell.profile.recompute;

import com.newsmell.profile.behavior.ProfileResource;
import com.newsmell.profile.behavior.ProfileService;
import com.newsmell.profile.behavior.ProfileView;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/profiles/{userId}/recompute")
@Produces(MediaType.APPLICATION_JSON)
public class RecomputeResource {

    private final RecomputeService recompute;
    private final ProfileService profiles;

    public RecomputeResource(RecomputeService recompute, ProfileService profiles) {
        this.recompute = recompute;
        this.profiles = profiles;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Recomputes one user's profile now and answers it",
            description = "Every field as the daily job computes it, as of now (computedBy = recompute), from the"
                    + " rollups as they stand (events seconds behind the collector). An unknown user is a 404.")
    public Uni<ProfileView> recompute(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId) {
        Instant now = Instant.now();
        return recompute
                .recompute(
                        List.of(userId),
                        ProfileWindow.of(now, recompute.rules()),
                        "recompute",
                        new InputRepository.CatalogCache())
                .chain(n -> n == 0
                        ? Uni.createFrom().<ProfileView>failure(ProfileResource.notFound(userId))
                        : profiles.find(userId).map(profile -> profiles.view(profile, now)));
    }
}
