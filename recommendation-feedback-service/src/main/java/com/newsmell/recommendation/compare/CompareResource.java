package com.newsmell.recommendation.compare;

import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/recommendations/compare")
@Produces(MediaType.APPLICATION_JSON)
public class CompareResource {

    private final CompareService compare;

    public CompareResource(CompareService compare) {
        this.compare = compare;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "Which of two algorithms works better on a metric, and whether the difference is significant",
            description = "Both rates over the impressions of [from, to) (at most 400 days), the difference, an"
                    + " interval and a p-value. Raw rates: Wilson 95% intervals and a two-proportion z-test, which"
                    + " assume independent impressions, checked by a seeded bootstrap over users; debiasedCtr: the"
                    + " bootstrap over users. Too little data says so (verdict insufficient-data). Definitions:"
                    + " docs/metrics.md, recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<AlgorithmComparison.Result> compare(
            @QueryParam("a") @Parameter(description = "The first algorithm", required = true) String a,
            @QueryParam("b") @Parameter(description = "The second algorithm", required = true) String b,
            @QueryParam("metric")
                    @Parameter(
                            description = "The rate compared (default ctr)",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            defaultValue = "ctr",
                                            enumeration = {
                                                "ctr",
                                                "debiasedCtr",
                                                "viewRate",
                                                "wishlistRate",
                                                "collectionRate",
                                                "ratingRate",
                                                "purchaseRate",
                                                "conversionRate",
                                                "thumbsUpRate",
                                                "thumbsDownRate",
                                                "hideRate",
                                                "reportRate"
                                            }))
                    String metric,
            @BeanParam WindowParams window) {
        return compare.compare(CompareQuery.of(a, b, metric, window.from, window.to, window.tz));
    }
}
