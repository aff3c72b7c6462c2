package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a declared oversize body with 413 problem+json before reading it. */
public class BodySizeFilter {

    private final CollectorConfig config;

    public BodySizeFilter(CollectorConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversize(ContainerRequestContext request) {
        if (RequestBodyReader.declaredTooLarge(
                request.getHeaderString(HttpHeaders.CONTENT_LENGTH), config.maxBatchBytes())) {
            return Optional.of(RequestBodyReader.tooLarge(config.maxBatchBytes())
                    .toResponse(request.getUriInfo().getPath()));
        }
        return Optional.empty();
    }
}
