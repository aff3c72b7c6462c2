package com.newsmell.profile.interaction;

import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/profiles/{userId}/perfumes/{perfumeId}/features")
@Produces(MediaType.APPLICATION_JSON)
public class InteractionFeaturesResource {

    private final InteractionFeaturesService features;

    public InteractionFeaturesResource(InteractionFeaturesService features) {
        this.features = features;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "One user's interaction features with one perfume: the seed's InteractionFeatures",
            description = "From the real-time rollup of the user's counted events with the perfume (no daily job);"
                    + " viewRecencyDays and interactionFrequencyPerWeek are as of this request (asOf). A user who"
                    + " never interacted with the perfume (or an unknown user or perfume) is a 404. Definitions:"
                    + " profile-service README, \"Interaction features\".")
    public Uni<InteractionFeatures> get(
            @PathParam("userId") @Parameter(description = "The user (the events' userId)") String userId,
            @PathParam("perfumeId") @Parameter(description = "The perfume (the events' perfumeId)") String perfumeId) {
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.MILLIS); // what the answer shows of it
        return features.find(userId, perfumeId, asOf).map(found -> {
            if (found == null) {
                throw notFound(userId, perfumeId);
            }
            return found;
        });
    }

    /** The 404 for a pair without any counted event. */
    static ProblemException notFound(String userId, String perfumeId) {
        return new ProblemException(Problem.of(
                404,
                "interaction-not-found",
                "Interaction not found",
                "No interaction of user " + userId + " with perfume " + perfumeId + " yet."));
    }
}
