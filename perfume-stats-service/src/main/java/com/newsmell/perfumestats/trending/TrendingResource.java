package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.config.PerfumeStatsConfig;
import com.newsmell.perfumestats.stats.PerfumeStatsQueries;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/trending")
@Produces(MediaType.APPLICATION_JSON)
public class TrendingResource {

    private final PerfumeStatsQueries queries;
    private final PerfumeStatsConfig config;

    public TrendingResource(PerfumeStatsQueries queries, PerfumeStatsConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Operation(
            summary = "The perfumes gaining momentum (trendingScore)",
            description = "Highest trendingScore first, as stored by the hourly job (never computed per request);"
                    + " asOf is that job's hour. Perfumes with a score of 0 are left out. This is the momentum ranking;"
                    + " the seed's trending list (the most views in the last 7 days) is"
                    + " GET /v1/perfumes/top?metric=viewsLast7Days.")
    @APIResponse(responseCode = "200", description = "Highest score first")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].parameter (problem+json)")
    public Uni<PerfumeStatsQueries.Ranking> trending(
            @Parameter(description = "1 to the configured maximum (100), default 10") @QueryParam("limit") String limit,
            @Parameter(description = "only perfumes of this house (the latest houseId seen on their events)")
                    @QueryParam("houseId")
                    String houseId) {
        int l = QueryParams.integer(
                "limit", limit, config.api().defaultLimit(), 1, config.api().maxLimit());
        if (houseId != null && houseId.isBlank()) {
            throw QueryParams.bad("houseId", "not-blank", "houseId must not be blank");
        }
        return queries.trending(l, houseId);
    }
}
