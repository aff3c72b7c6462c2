package com.newsmell.perfumestats.audit;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/perfumes/audit")
@RolesAllowed(Roles.ANALYST)
public class WindowAuditResource {

    @Schema(
            description = "The daily window audit of one asOf, a list (ADR 0015): one page of comparisons of the raw"
                    + " store's counts with perfume-stats' figures, and how many there are.")
    public record AuditView(
            @Schema(description = "This page's comparisons, mismatches first, then by perfumeId.")
            List<AuditItem> items,

            @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
            String nextCursor,

            @Schema(description = "The hour both windows end at; absent before the first audit.")
            Instant asOf,

            @Schema(description = "Perfumes compared for this asOf (the collector's sample).")
            long checked,

            @Schema(description = "Perfumes whose figures differed.")
            long mismatches) {

        static AuditView of(WindowAuditService.Report r) {
            return new AuditView(
                    r.items().stream().map(AuditItem::of).toList(),
                    r.next() == null ? null : encode(r.next()),
                    r.asOf(),
                    r.checked(),
                    r.mismatches());
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
                            + " same hour; else absent.")
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
    @Produces({ApiConvention.JSON, ApiConvention.CSV})
    @Operation(
            summary = "The daily window audit",
            description = "The comparisons of one asOf (default: the latest audited): the collector's daily"
                    + " perfume-view-audit counts of the raw store against perfume-stats' viewsLast7Days /"
                    + " viewsLast30Days for the same windows. A mismatch is also counted in"
                    + " perfume_stats_window_audit_mismatches_total and logged. A list (ADR 0015): limit and cursor"
                    + " page it; Accept: text/csv answers the items.")
    @APIResponse(responseCode = "200", description = "The audit of the asOf (empty before the first one)")
    public Uni<AuditView> get(
            @Parameter(
                            description = "A whole UTC hour, e.g. 2026-12-06T03:00:00Z; default the latest audited",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("asOf")
                    String asOf,
            @BeanParam PageParams page) {
        Instant at = QueryParams.instant("asOf", asOf);
        if (at != null && !at.truncatedTo(ChronoUnit.HOURS).equals(at)) {
            throw QueryParams.bad(
                    "asOf",
                    "grid",
                    "asOf must fall on the hour grid: a whole UTC hour, e.g."
                            + " 2026-12-06T03:00:00Z (the audit's windows end on the hour).");
        }
        int size = page.size();
        WindowAuditService.After after = decode(page.cursor);
        if (after != null) {
            if (at != null && !at.equals(after.asOf())) {
                throw QueryParams.badCursor();
            }
            at = after.asOf();
        }
        return audits.report(at, after, size).map(AuditView::of);
    }

    /** The keyset cursor of a page's last row: the asOf it lists (so the next page keeps it), matches, perfumeId. */
    static String encode(WindowAuditService.After after) {
        return QueryParams.encodeCursor(after.asOf().toString(), after.matches() ? "1" : "0", after.perfumeId());
    }

    static WindowAuditService.After decode(String cursor) {
        String[] parts = QueryParams.decodeCursor(cursor, 3);
        if (parts == null) {
            return null;
        }
        if (!parts[1].equals("0") && !parts[1].equals("1")) {
            throw QueryParams.badCursor();
        }
        return new WindowAuditService.After(Instant.parse(parts[0]), parts[1].equals("1"), parts[2]);
    }
}
