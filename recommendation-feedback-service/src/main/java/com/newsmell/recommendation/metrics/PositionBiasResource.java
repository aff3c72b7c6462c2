package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.api.Windows;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/recommendations/position-bias")
@Produces(MediaType.APPLICATION_JSON)
public class PositionBiasResource {

    private final RecommendationMetricsService metrics;

    public PositionBiasResource(RecommendationMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "The CTR-by-position curve per source, the propensities estimated from randomized impressions,"
                    + " and the raw and position-debiased CTR per algorithm",
            description = "Over the impressions of [from, to) (at most 400 days). Propensities: randomizedCtr(k) /"
                    + " randomizedCtr(0) per source, from the impressions flagged randomized (positions shuffled), not"
                    + " from the raw curve; debiased CTR by inverse propensity weighting (Joachims et al., WSDM 2017)."
                    + " Definitions: docs/metrics.md, recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<PositionBiasReport> positionBias(@BeanParam WindowParams window) {
        return metrics.positionBias(Windows.of(window.from, window.to, window.tz));
    }
}
