package com.newsmell.collector.query;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.store.PartitionTier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code GET /v1/events} answers for the hot and warm range only (ADR 0030): every answer says from when on
 * ({@code NewSmell-Archive-Before}: events before this instant may have moved to the cold tier) and where older data
 * lives ({@code NewSmell-Archive-Location}: the Parquet archive of event-archiver, ADR 0031).
 */
public class ArchiveHeaders {

    public static final String BEFORE = "NewSmell-Archive-Before";
    public static final String LOCATION = "NewSmell-Archive-Location";

    private final CollectorConfig config;

    public ArchiveHeaders(CollectorConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void addArchiveHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod())
                || !"v1/events".equals(request.getUriInfo().getPath().replaceAll("^/|/$", ""))) {
            return;
        }
        Instant before = PartitionTier.oldestKept(
                Instant.now(), config.tiers().hot(), config.tiers().warm());
        response.getHeaders().putSingle(BEFORE, before.toString());
        response.getHeaders().putSingle(LOCATION, config.tiers().archiveLocation());
    }
}
