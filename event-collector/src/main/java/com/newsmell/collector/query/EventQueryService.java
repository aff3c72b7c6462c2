package com.newsmell.collector.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the raw store page by page. */
@ApplicationScoped
public class EventQueryService {

    private final UserInteractionEventRepository repository;

    public EventQueryService(UserInteractionEventRepository repository) {
        this.repository = repository;
    }

    /** One page, {@code {"items", "nextCursor"}}. */
    public Uni<ObjectNode> find(EventQuery query) {
        return repository.page(query).map(rows -> EventRows.page(rows, query.limit()));
    }
}
