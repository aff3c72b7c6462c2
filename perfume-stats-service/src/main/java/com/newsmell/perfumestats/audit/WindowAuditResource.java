package com.newsmell.perfumestats.audit;

import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.http.TimeGrid;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/audit")
@Produces(MediaType.APPLICATION_JSON)
public class WindowAuditResource {

    @Schema(description = "The daily window audit of one asOf: the raw store's counts against perfume-stats' figures.")
    public record AuditView(
            @Schema(description = "The hour both windows end at; null before the first audit.")
            Instant asOf,

            @Schema(description = "Perfumes compared for this asOf (the collector's sample).")
            long checked,

            @Schema(description = "Perfumes whose figures differed.")
            long mismatches,

            @Schema(description = "The comparisons, mismatches first, then by perfumeId.")
            List<AuditItem> items) {

        static AuditView of(WindowAuditService.Report r) {
            return new AuditView(
                    r.asOf(),
                    r.checked(),
                    r.mismatches(),
                    r.items().stream().map(AuditItem::of).toList());
        }
    }

    @Schema(description = "One perfume's comparison.")
    public record AuditItem(
            @Schema(description = "The perfume.") String perfumeId,

            @Schema(description = "The raw store's non-bot PERFUME_VIEW events in [asOf - 7 d, asOf).")
            int rawViews7d,

            @Schema(description = "The raw store's non-bot PERFUME_VIEW events in [asOf - 30 d, asOf).")
            int rawViews30d,

            @Schema(description = "perfume-stats' views in [asOf - 7 d, asOf), from its hourly and daily buckets.")
            long statsViews7d,

            @Schema(description = "perfume-stats' views in [asOf - 30 d, asOf), from its buckets.")
            long statsViews30d,

            @Schema(
                    description = "The stats API's viewsLast7Days at the check, when its windows were as of the"
                            + " same hour; else null.")
            Integer servedViews7d,

            @Schema(description = "The stats API's viewsLast30Days, likewise.")
            Integer servedViews30d,

            @Schema(description = "statsViews7d - rawViews7d.")
            long difference7d,

            @Schema(description = "statsViews30d - rawViews30d.")
            long difference30d,

            @Schema(description = "Every figure perfume-stats has (buckets, served) equals the raw store's.")
            boolean matches,

            @Schema(description = "When the collector counted.")
            Instant auditedAt,

            @Schema(description = "When perfume-stats compared.")
            Instant checkedAt) {

        static AuditItem of(PerfumeWindowAudit a) {
            return new AuditItem(
                    a.perfumeId,
                    a.rawViews7d,
                    a.rawViews30d,
                    a.statsViews7d,
                    a.statsViews30d,
                    a.servedViews7d,
                    a.servedViews30d,
                    a.difference7d,
                    a.difference30d,
                    a.matches,
                    a.auditedAt,
                    a.checkedAt);
        }
    }

    private final WindowAuditService audits;

    public WindowAuditResource(WindowAuditService audits) {
        this.audits = audits;
    }

    @GET
    @Operation(
            summary = "The daily window audit",
            description = "The comparisons of one asOf (default: the latest audited): the collector's daily"
                    + " perfume-view-audit counts of the raw store against perfume-stats' viewsLast7Days /"
                    + " viewsLast30Days for the same windows. A mismatch is also counted in"
                    + " perfume_stats_window_audit_mismatches_total and logged.")
    @APIResponse(responseCode = "200", description = "The audit of the asOf (empty before the first one)")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in errors[].parameter (problem+json)")
    public Uni<AuditView> get(
            @Parameter(description = "A whole UTC hour, e.g. 2026-12-06T03:00:00Z; default the latest audited")
                    @QueryParam("asOf")
                    String asOf,
            @Parameter(description = "1 to 1000 comparisons, default 100") @QueryParam("limit") String limit) {
        Instant at = QueryParams.instant("asOf", asOf);
        if (at != null && !TimeGrid.HOUR.onGrid(at)) {
            throw QueryParams.bad(
                    "asOf",
                    "grid",
                    "asOf must fall on the hour grid: a whole UTC hour, e.g."
                            + " 2026-12-06T03:00:00Z (the audit's windows end on the hour).");
        }
        return audits.report(at, QueryParams.limit(limit)).map(AuditView::of);
    }
}
