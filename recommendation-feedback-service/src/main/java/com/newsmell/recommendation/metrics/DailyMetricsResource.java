package com.newsmell.recommendation.metrics;

import com.newsmell.recommendation.api.Windows;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/recommendations/metrics/daily")
@Produces(MediaType.APPLICATION_JSON)
public class DailyMetricsResource {

    private final DailyRollupService rollup;

    public DailyMetricsResource(DailyRollupService rollup) {
        this.rollup = rollup;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "The daily rollup written by the daily-metrics job (4am): per UTC day, algorithm, source and"
                    + " position, with each day's provisional flag and revision",
            description = "The days of [from, to) (UTC dates, at most 400 days) the job has computed; a day is"
                    + " provisional until the attribution window after it has passed. Optionally one algorithm"
                    + " and/or source. Definitions: docs/metrics.md, recommendation-feedback-service.")
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<DailyMetrics> daily(
            @BeanParam WindowParams window,
            @QueryParam("algorithm") @Parameter(description = "Only this algorithm's cells") String algorithm,
            @QueryParam("source") @Parameter(description = "Only this source's cells") String source) {
        TimeWindow w = Windows.of(window.from, window.to, "UTC");
        if (!QueryParams.blank(window.tz) && !window.tz.equals("UTC")) {
            throw QueryParams.bad("tz", "enum", "The daily rollup's days are UTC days: tz must be UTC.");
        }
        LocalDate from = LocalDate.ofInstant(w.from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(w.to().minusNanos(1), ZoneOffset.UTC).plusDays(1);
        return rollup.days(from, to, QueryParams.blankToNull(algorithm), QueryParams.blankToNull(source))
                .map(days -> new DailyMetrics(from, to, days));
    }
}
