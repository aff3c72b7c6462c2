package com.newsmell.recommendation.metrics;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/recommendations/metrics")
public class RecommendationMetricsResource {

    private final RecommendationMetricsService metrics;

    public RecommendationMetricsResource(RecommendationMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "Recommendation impressions, clicks, CTR, conversions, explicit feedback, coverage, time to"
                    + " click and debiased CTR per hour or day, by algorithm, source or position",
            description = "Impressions are ledger rows (one per recommendation and perfume) by their impressionTime in"
                    + " [from, to); every other figure counts those impressions: clicked, credited a view, wishlist"
                    + " add, collection add, rating or purchase by the attribution rule (within the attribution"
                    + " window, named recommendation else last touch; a conversion counts on the day of its"
                    + " impression), given a thumbs up or down, hidden or reported; clicksWithoutImpression are"
                    + " clicked rows whose impression never arrived, by their first click. Non-bot events only; real"
                    + " time (asOf is the time of the request); a bucket is provisional until the attribution window"
                    + " after it has passed. With breakdown (or groupBy=position|source|algorithm), the totals per"
                    + " value (most impressions first, paged by limit and cursor) replace the buckets; rows without a"
                    + " value are (unknown). from and to are required, on the granularity's grid in tz, at most 2232"
                    + " hours or 400 days apart. Definitions: docs/metrics.md, recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<Metrics<RecommendationBucket, RecommendationFigures>> metrics(
            @BeanParam WindowParams window,
            @QueryParam("granularity")
                    @Parameter(
                            description = ApiDocs.GRANULARITY,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"hour", "day"},
                                            defaultValue = "day"))
                    String granularity,
            @QueryParam("breakdown")
                    @Parameter(
                            description = ApiDocs.BREAKDOWN,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"algorithm", "source", "position", "perfumeId"}))
                    String breakdown,
            @QueryParam("filters")
                    @Parameter(
                            description =
                                    ApiDocs.FILTERS
                                            + ". Dimensions here: algorithm, source (homepage, detail_page, search,"
                                            + " email), position (0-based slot) and perfumeId (the recommended perfume); e.g. algorithm==collaborative;position==0|1",
                            schema = @Schema(type = SchemaType.STRING))
                    String filters,
            @QueryParam("compare")
                    @Parameter(
                            description = ApiDocs.COMPARE,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"previous_period"}))
                    String compare,
            @QueryParam("algorithm")
                    @Parameter(
                            description = "Only this algorithm's impressions: the shorthand of filters=algorithm==…",
                            schema = @Schema(type = SchemaType.STRING))
                    String algorithm,
            @QueryParam("source")
                    @Parameter(
                            description = "Only this source's impressions: the shorthand of filters=source==…",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"detail_page", "email", "homepage", "search"}))
                    String source,
            @QueryParam("groupBy")
                    @Parameter(
                            description = "day: day buckets (granularity=day); position, source or algorithm: the"
                                    + " breakdown by it (breakdown=…). Not with granularity or breakdown.",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"day", "position", "source", "algorithm"}))
                    String groupBy,
            @BeanParam PageParams page) {
        return metrics.metrics(RecommendationMetricsQuery.of(
                window.from,
                window.to,
                window.tz,
                granularity,
                breakdown,
                filters,
                compare,
                page.limit,
                page.cursor,
                algorithm,
                source,
                groupBy));
    }
}
