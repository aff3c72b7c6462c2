package com.newsmell.collector.writekey;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.toolkit.api.PageParams;
import com.newsmell.toolkit.http.Page;
import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Write keys' admin API (ADR 0065): thin, everything happens in {@link WriteKeyService}. */
@Path("/v1/write-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WriteKeyResource {

    private final WriteKeyService service;

    public WriteKeyResource(WriteKeyService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a write key for a source",
            description = "The answer holds the key itself, the only time it is shown (only its HMAC is stored)."
                    + " Send it as the Basic-auth user name (empty password) to POST /v1/events, /v1/events/batch"
                    + " and the catalog API. A browser request is refused (403) from an origin the key does not"
                    + " allow; ratePerSecond and burst are the key's token bucket, per replica.")
    @RequestBody(
            description = "{\"source\": \"web\", \"allowedOrigins\": [\"https://www.newsmell.dev\"],"
                    + " \"ratePerSecond\": 200, \"burst\": 400} (source required: web, ios, android or server)")
    @APIResponse(responseCode = "201", description = "Created: the key, with the key itself")
    @APIResponse(responseCode = "400", description = "An unknown source, a malformed origin or limit (problem+json)")
    public Uni<Response> create(JsonNode body) {
        return service.create(body)
                .map(view -> Response.created(URI.create("/v1/write-keys/" + view.id()))
                        .entity(view)
                        .build());
    }

    @GET
    @Operation(summary = "The write keys, newest first", description = "Revoked ones included; never the keys.")
    @APIResponse(responseCode = "200", description = "A page of write keys")
    public Uni<Page<WriteKeyView>> list(@BeanParam PageParams page) {
        return service.list(page.size(), page.cursor);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One write key (never the key itself)")
    @APIResponse(responseCode = "200", description = "The write key")
    @APIResponse(responseCode = "404", description = "No such key (problem+json)")
    public Uni<WriteKeyView> get(@Parameter(description = "The key's id (a UUID)") @PathParam("id") String id) {
        return service.get(QueryParams.pathUuid("id", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke a write key",
            description = "At once on the replica that answers, within newsmell.write-key.cache-ttl (2 s) on the"
                    + " others. Revoking again changes nothing.")
    @APIResponse(responseCode = "200", description = "The revoked key")
    @APIResponse(responseCode = "404", description = "No such key (problem+json)")
    public Uni<WriteKeyView> revoke(@Parameter(description = "The key's id (a UUID)") @PathParam("id") String id) {
        return service.revoke(QueryParams.pathUuid("id", id));
    }
}
