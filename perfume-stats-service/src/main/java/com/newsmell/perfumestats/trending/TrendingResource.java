package com.newsmell.perfumestats.trending;

import com.newsmell.perfumestats.stats.PerfumeStatsQueries;
import com.newsmell.perfumestats.stats.Ranking;
import com.newsmell.perfumestats.stats.TopQuery;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/trending")
@RolesAllowed(Roles.ANALYST)
public class TrendingResource {

    private final PerfumeStatsQueries queries;

    public TrendingResource(PerfumeStatsQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The perfumes gaining momentum (trendingScore)",
            description = "A list (ADR 0015): highest trendingScore first, as stored by the hourly job (never computed"
                    + " per request); asOf is that job's hour. Perfumes with a score of 0 are left out. This is the"
                    + " momentum ranking; the seed's trending list (the most views in the last 7 days) is"
                    + " GET /v1/perfumes/top?metric=viewsLast7Days. Accept: text/csv answers the items.")
    @APIResponse(responseCode = "200", description = "Highest score first")
    public Uni<Ranking> trending(
            @BeanParam PageParams page,
            @Parameter(
                            description = "Only perfumes of this house (the latest houseId seen on their events)",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("houseId")
                    String houseId) {
        int size = page.size();
        int offset = TopQuery.offset(page.cursor);
        if (houseId != null && houseId.isBlank()) {
            throw QueryParams.bad("houseId", "not-blank", "houseId must not be blank.");
        }
        return queries.trending(size, offset, houseId == null ? null : houseId.trim());
    }
}
