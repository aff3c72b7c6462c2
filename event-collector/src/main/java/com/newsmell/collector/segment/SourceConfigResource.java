package com.newsmell.collector.segment;

import com.newsmell.toolkit.api.AnyQueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The source configuration rudder-sdk-js fetches from its control plane ({@code configUrl}{@code /sourceConfig}) before
 * it sends anything (ADR 0060): an enabled source without destinations ({@link SpecSettings}).
 */
@Path("/sourceConfig")
@Produces(MediaType.APPLICATION_JSON)
public class SourceConfigResource {

    private final SpecService spec;

    public SourceConfigResource(SpecService spec) {
        this.spec = spec;
    }

    @GET
    @AnyQueryParameters
    @Operation(
            summary = "rudder-sdk-js's source configuration (give the SDK configUrl = this collector)",
            description = "The write key as the Basic-auth user name or the writeKey parameter; a source without"
                    + " destinations. The SDK's other parameters (p, v, ...) are ignored.")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RudderSourceConfig")))
    @APIResponse(responseCode = "401", description = "No write key, or an unknown one")
    public Uni<Response> rudderStack(
            @Parameter(description = "The write key, when not the Basic-auth user name") @QueryParam("writeKey")
                    String writeKey,
            @Context HttpHeaders headers) {
        String presented = SpecBody.writeKey(headers.getHeaderString(HttpHeaders.AUTHORIZATION), null);
        String key = presented != null ? presented : writeKey;
        return spec.resolve(key).map(resolved -> SettingsResource.settings(SpecSettings.rudderStack(key, resolved)));
    }
}
