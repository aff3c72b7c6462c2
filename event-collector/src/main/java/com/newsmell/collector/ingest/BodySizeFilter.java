package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CatalogConfig;
import com.newsmell.collector.config.CollectorConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a declared oversize body with 413 problem+json before reading it. */
public class BodySizeFilter {

    private final CollectorConfig config;
    private final CatalogConfig catalog;

    public BodySizeFilter(CollectorConfig config, CatalogConfig catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversize(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        int max = path.startsWith("/v1/catalog/") ? catalog.maxBatchBytes() : config.maxBatchBytes();
        if (RequestBodyReader.declaredTooLarge(request.getHeaderString(HttpHeaders.CONTENT_LENGTH), max)) {
            return Optional.of(RequestBodyReader.tooLarge(max).toResponse(path));
        }
        return Optional.empty();
    }
}
