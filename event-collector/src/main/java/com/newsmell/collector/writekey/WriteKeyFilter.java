package com.newsmell.collector.writekey;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.toolkit.http.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The {@link IngestDoor} of every {@link WriteKeyRequired} endpoint, whose key is in the Basic-auth user name or the
 * {@code writeKey} query parameter (the Segment-spec endpoints, whose key may be in the body, go through the same door
 * from their service).
 */
public class WriteKeyFilter {

    /** The request property holding the {@link WriteKey} a request was let in with. */
    public static final String WRITE_KEY = "newsmell.write-key";

    private static final String ADMITTED = "newsmell.admitted";

    private final IngestDoor door;
    private final CollectorConfig config;

    public WriteKeyFilter(IngestDoor door, CollectorConfig config) {
        this.door = door;
        this.config = config;
    }

    @WriteKeyRequired
    @ServerRequestFilter
    public Uni<Response> check(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        IngestDoor.Visitor visitor = IngestDoor.Visitor.of(routing, config.trustForwardedFor());
        Optional<ProblemException> byAddress = door.checkAddress(visitor);
        if (byAddress.isPresent()) {
            return Uni.createFrom().item(response(byAddress.get(), path));
        }
        String presented = PresentedKey.of(
                request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getUriInfo().getQueryParameters().getFirst("writeKey"));
        return door.admit(visitor, presented)
                .map(admitted -> {
                    request.setProperty(WRITE_KEY, admitted.key().key());
                    request.setProperty(ADMITTED, admitted);
                    return (Response) null;
                })
                .onFailure(ProblemException.class)
                .recoverWithItem(refused -> response((ProblemException) refused, path));
    }

    /** The key's bucket after this request, on every answer to an admitted request (RateLimit headers). */
    @WriteKeyRequired
    @ServerResponseFilter
    public void rateLimitHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ADMITTED) instanceof IngestDoor.Admitted admitted) {
            admitted.headers().forEach(response.getHeaders()::putSingle);
        }
    }

    private static Response response(ProblemException refused, String path) {
        Response.ResponseBuilder response =
                Response.fromResponse(refused.problem().toResponse(path));
        refused.headers().forEach(response::header);
        return response.build();
    }
}
