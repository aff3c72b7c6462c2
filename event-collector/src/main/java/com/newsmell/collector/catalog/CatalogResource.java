package com.newsmell.collector.catalog;

import com.newsmell.collector.writekey.WriteKeyRequired;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The perfume catalog feed (ADR 0016): thin, everything happens in {@link CatalogService}. */
@WriteKeyRequired
@Path("/v1/catalog")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PUT
    @Path("/perfumes/{perfumeId}")
    @Operation(
            summary = "Create or replace one perfume of the catalog",
            description = "The body is a PerfumeCatalogEntry (perfumeId equal to the path's, name, houseId,"
                    + " houseName, notes [{noteId, name, layer: top|heart|base, category}], perfumeType,"
                    + " concentration, launchYear?, price {amount, currency}, version), checked strictly (unknown"
                    + " fields refused). A price in another currency than the base one is converted with its"
                    + " configured rate (rounded to cents; the submitted price kept as originalPrice) or refused"
                    + " (rule rate). Answered with the entry as stored once Kafka acknowledged it.")
    @APIResponse(
            responseCode = "200",
            description = "Acknowledged by Kafka; the body is the entry as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PerfumeCatalogEntry")))
    @APIResponse(
            responseCode = "400",
            description = "Invalid entry (application/problem+json, one error per field: pointer and rule)")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> put(
            @Parameter(description = "The perfume's id, at most 128 characters") @PathParam("perfumeId")
                    String perfumeId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(ref = "PerfumeCatalogEntry")))
                    byte[] body) {
        return catalog.put(perfumeId, body)
                .map(entry -> Response.ok(entry.toJson()).build());
    }

    @DELETE
    @Path("/perfumes/{perfumeId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Delete one perfume of the catalog",
            description = "Publishes the perfume's tombstone (its key with a null value) on the compacted catalog"
                    + " topic; answered once Kafka acknowledged it. Deleting an unknown perfume is no error.")
    @APIResponse(responseCode = "204", description = "The tombstone was acknowledged by Kafka")
    @APIResponse(responseCode = "503", description = "Kafka could not take the write; retry after Retry-After")
    public Uni<Response> delete(@Parameter(description = "The perfume's id") @PathParam("perfumeId") String perfumeId) {
        return catalog.delete(perfumeId).map(ignored -> Response.noContent().build());
    }
}
