package com.newsmell.perfumestats.features;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/{perfumeId}/features")
@RolesAllowed(Roles.ANALYST)
public class PerfumeFeaturesResource {

    private final PerfumeFeaturesService features;

    public PerfumeFeaturesResource(PerfumeFeaturesService features) {
        this.features = features;
    }

    @GET
    @Produces(ApiConvention.JSON)
    @Operation(
            summary = "One perfume's features (the seed's PerfumeFeatures)",
            description = "Attributes from the service's copy of the catalog (inCatalog false: absent), popularity,"
                    + " quality and market signals from its statistics (immediate), viewGrowth and wishlistGrowth"
                    + " from the weekly-trends job (the latest analysed week, growthWeekStart) and trendingScore from"
                    + " the hourly job (trendingScoreAsOf). Every feature is defined in the service README"
                    + " (\"Perfume features\"). JSON only.")
    @APIResponse(responseCode = "200", description = "The features")
    @APIResponse(
            responseCode = "404",
            description = "The perfume is neither in the catalog nor has it any (non-bot) interaction (problem+json)")
    public Uni<PerfumeFeatures> get(@Parameter(description = "The perfume") @PathParam("perfumeId") String perfumeId) {
        return features.features(perfumeId);
    }
}
