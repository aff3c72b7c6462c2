package com.newsmell.collector.catalog;

import com.newsmell.collector.writekey.WriteKeyRequired;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /v1/catalog/perfumes:batch}, the catalog's batch (issue #11).
 * The ':' is matched as sent, unencoded (as curl sends it); a client that percent-encodes it ({@code %3A}) gets 404.
 */
@WriteKeyRequired
@Path("/v1/catalog/perfumes:batch")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CatalogBatchResource {

    private final CatalogService catalog;

    public CatalogBatchResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @POST
    @Operation(
            summary = "Create or replace up to 1,000 perfumes as {\"perfumes\": [...]}; answered per perfume",
            description = "Each perfume is checked on its own: valid ones are published, invalid ones are rejected"
                    + " with their errors. Answer: accepted, rejected, results[] (per index: accepted with its"
                    + " perfumeId, version and stored price, or rejected with its errors, pointers prefixed"
                    + " /perfumes/{index}).")
    @APIResponse(
            responseCode = "200",
            description = "At least one perfume was acknowledged by Kafka",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CatalogBatchResult")))
    @APIResponse(responseCode = "400", description = "The batch itself, or every perfume in it, is invalid")
    @APIResponse(responseCode = "413", description = "Body larger than the limit")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> batch(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "CatalogBatch")))
                    byte[] body) {
        return catalog.batch(body)
                .map(result -> Response.ok(result.toJson().toString()).build());
    }
}
