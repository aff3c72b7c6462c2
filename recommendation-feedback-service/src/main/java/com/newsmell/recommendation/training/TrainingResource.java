package com.newsmell.recommendation.training;

import com.newsmell.recommendation.api.Windows;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/v1/recommendations/training-data")
public class TrainingResource {

    /** JSON Lines. */
    public static final String JSON_LINES = "application/x-ndjson";

    private final TrainingService training;

    public TrainingResource(TrainingService training) {
        this.training = training;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(JSON_LINES)
    @Operation(
            summary = "Labelled impressions as JSON Lines, as a new versioned export (the last 3 are kept)",
            description = "One line per impression of [from, to) (at most 400 days): its features (source, algorithm,"
                    + " algorithmVersion, position, confidence, similarityScore, randomized, propensity, hour and"
                    + " weekday) and labels (clicked, converted, negativeFeedback, and each conversion), the viewer"
                    + " pseudonymised with a keyed hash. Headers: X-Export-Version, X-Export-Rows, ETag (SHA-256 of"
                    + " the body). Definitions: docs/metrics.md, recommendation-feedback-service.")
    @APIResponse(
            responseCode = "200",
            description = "One JSON line per impression",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(ref = "TrainingExample")))
    @Parameter(name = "from", style = ParameterStyle.FORM, required = true)
    @Parameter(name = "to", style = ParameterStyle.FORM, required = true)
    public Uni<Response> export(@BeanParam WindowParams window) {
        return training.export(Windows.of(window.from, window.to, window.tz))
                .map(e -> Response.ok(e.body(), JSON_LINES)
                        .header("X-Export-Version", e.version())
                        .header("X-Export-Rows", e.rows())
                        .header("ETag", "\"" + e.sha256() + "\"")
                        .build());
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/exports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The kept training-data exports, newest first (without their bodies)",
            description = "Each kept export's version, window, rows and SHA-256; the last 3 are kept.")
    public Uni<List<TrainingExportRepository.Export>> exports() {
        return training.exports();
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/exports/{version}")
    @Produces(JSON_LINES)
    @Operation(
            operationId = "TrainingResource_exportBody",
            summary = "A kept export's body again; 404 problem once it is no longer kept",
            description = "The same JSON Lines the export answered, byte for byte (same ETag).")
    @APIResponse(
            responseCode = "200",
            description = "One JSON line per impression",
            content = @Content(mediaType = JSON_LINES, schema = @Schema(ref = "TrainingExample")))
    public Uni<String> export(
            @PathParam("version") @Parameter(description = "The export version (X-Export-Version)") long version) {
        return training.body(version).map(body -> {
            if (body == null) {
                throw new ProblemException(Problem.of(
                        404,
                        "export-not-found",
                        "Export not found",
                        "Export " + version + " does not exist or is no longer kept (the last 3 are)."));
            }
            return body;
        });
    }
}
