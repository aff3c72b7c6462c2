package com.newsmell.recommendation.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/recommendations/reports/weekly")
@Produces(MediaType.APPLICATION_JSON)
public class WeeklyReportResource {

    private final WeeklyReportService reports;

    public WeeklyReportResource(WeeklyReportService reports) {
        this.reports = reports;
    }

    /** The report of one week. */
    public record Report(LocalDate weekStart, List<JsonNode> algorithms) {}

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(
            summary = "The weekly performance report: each algorithm week over week",
            description = "Written by the weekly-report job (Sunday 02:00): per algorithm the week's figures (as the"
                    + " metrics endpoint's totals), the week before's, and the change of its main rates. 404 problem"
                    + " before the week's report exists.")
    public Uni<Report> weekly(
            @QueryParam("week")
                    @Parameter(description = "The week's start, a Sunday (YYYY-MM-DD); default: the latest report")
                    String week) {
        LocalDate start = null;
        if (!QueryParams.blank(week)) {
            try {
                start = LocalDate.parse(week.trim());
            } catch (DateTimeParseException e) {
                throw QueryParams.bad("week", "format", "week is a date, YYYY-MM-DD (a Sunday).");
            }
            if (start.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw QueryParams.bad("week", "format", "week must be a Sunday: weeks run Sunday to Sunday (UTC).");
            }
        }
        return reports.report(start).map(list -> {
            if (list.isEmpty()) {
                throw new ProblemException(
                        Problem.of(404, "report-not-found", "Report not found", "No weekly report for that week yet."));
            }
            return new Report(LocalDate.parse(list.get(0).path("weekStart").asText()), list);
        });
    }
}
