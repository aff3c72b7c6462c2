package com.newsmell.collector.privacy;

import com.newsmell.toolkit.http.QueryParams;
import com.newsmell.toolkit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Erasure (GDPR Art. 17) and its receipt (ADR 0032): thin, everything happens in {@link PrivacyService}. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PrivacyResource {

    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @DELETE
    @Path("/users/{userId}/data")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Erase a user's data in every service (admin once authentication lands)",
            description = "Records an erasure request, suppresses the user's later events at once and publishes the"
                    + " request on privacy-requests; every service deletes or anonymises the user's rows and"
                    + " acknowledges. Answered 202 with the request id once Kafka acknowledged the request; the"
                    + " receipt is at Location.")
    @APIResponse(responseCode = "202", description = "Accepted: {requestId, status, receipt}")
    @APIResponse(responseCode = "400", description = "Invalid user id (problem+json)")
    @APIResponse(
            responseCode = "404",
            description = "Never answered for a user id: a user never seen is erased (and suppressed) all the same")
    @APIResponse(responseCode = "503", description = "Kafka could not take the request; retry")
    public Uni<Response> erase(
            @Parameter(description = "The user to erase, 1 to 255 characters") @PathParam("userId") String userId) {
        return privacy.request(userId).map(request -> {
            String receipt = "/v1/privacy/requests/" + request.requestId();
            return Response.accepted(Map.of("requestId", request.requestId(), "status", "pending", "receipt", receipt))
                    .location(URI.create(receipt))
                    .build();
        });
    }

    @GET
    @Path("/privacy/requests/{requestId}")
    @Operation(
            summary = "The receipt of an erasure request",
            description = "Per service and table group: status (pending, done, failed), rows and completion time; the"
                    + " request is done when every service (and event-archiver, for the archive's files) is; plus when"
                    + " the copies outside the databases (Kafka topics, backups) expire.")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "No such request (problem+json)")
    public Uni<Receipt> receipt(
            @Parameter(description = "The erasure request's id (a UUID), as DELETE answered it") @PathParam("requestId")
                    String requestId) {
        UUID id = QueryParams.pathUuid("requestId", requestId);
        return privacy.receipt(id);
    }
}
