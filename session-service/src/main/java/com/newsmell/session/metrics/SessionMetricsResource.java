package com.newsmell.session.metrics;

import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.BotParams;
import com.newsmell.toolkit.api.Metrics;
import com.newsmell.toolkit.api.MetricsParams;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Session metrics: thin; {@link MetricsService} checks the parameters and answers. */
@Path("/v1/sessions/metrics")
public class SessionMetricsResource {

    private final MetricsService metrics;

    public SessionMetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "Session metrics: totals, buckets, breakdowns, comparison",
            description = "The sessions that started in [from, to): totals over the whole window (from the underlying"
                    + " counts: rates are sums over sums, unique users and visitors distinct over the whole window)"
                    + " and one bucket per hour (UTC) or day (of tz) of the window, 0 where no session started. from"
                    + " and to are required and fall on the granularity's grid in tz, and on whole UTC hours (a zone"
                    + " 30 or 45 minutes off UTC gets 400, rule grid); at most 2232 hours or 1098 days. Immediate:"
                    + " every figure includes every event the service has consumed (asOf is the time of the answer)."
                    + " averageDurationMs and bounceRate are over closed sessions (closedSessions). Bot sessions are"
                    + " left out unless includeBots=true. With breakdown, the totals per value of that dimension (most"
                    + " sessions first, then by value; sessions without a value as (unknown)), paged with limit and"
                    + " cursor, instead of buckets. Without breakdown and filters the figures come from the hourly"
                    + " rollup, otherwise from the sessions themselves: the same definitions and the same totals."
                    + " Dimensions (breakdown and filters): country (the session's location), deviceType (mobile,"
                    + " tablet, desktop), browser, os, source (the referrer's host without www., or (direct)),"
                    + " referrer, entryPage, exitPage; deviceType values in filters are checked (mobile, tablet,"
                    + " desktop, (unknown)). Accept: text/csv answers the buckets, or the breakdown's values, as CSV."
                    + " Definitions: docs/metrics.md.")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true)
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true)
    public Uni<Metrics<SessionMetricsBucket, SessionMetricsTotals>> get(
            @BeanParam WindowParams window,
            @BeanParam MetricsParams params,
            @BeanParam BotParams bots,
            @Parameter(
                            description = ApiDocs.BREAKDOWN,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "country",
                                                "deviceType",
                                                "browser",
                                                "os",
                                                "source",
                                                "referrer",
                                                "entryPage",
                                                "exitPage"
                                            }))
                    @QueryParam("breakdown")
                    String breakdown,
            @BeanParam PageParams page,
            @Parameter(
                            deprecated = true,
                            description = "Deprecated: use filters=deviceType==X. Only sessions of this deviceType;"
                                    + " (unknown) for sessions without one",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"desktop", "mobile", "tablet", "(unknown)"}))
                    @QueryParam("deviceType")
                    String deviceType) {
        return metrics.sessions(new MetricsService.SessionQuery(window, params, bots, breakdown, page, deviceType));
    }
}
