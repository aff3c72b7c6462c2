package com.newsmell.collector.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.http.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the raw store page by page. */
@ApplicationScoped
public class EventQueryService {

    private final UserInteractionEventRepository repository;

    public EventQueryService(UserInteractionEventRepository repository) {
        this.repository = repository;
    }

    /** One page: the events and the next cursor; a list bounded by time also says its window. */
    public Uni<Page<ObjectNode>> find(EventQuery query) {
        return repository.page(query).map(rows -> {
            Page<ObjectNode> page = EventRows.page(rows, query.limit());
            return query.bounded()
                    ? page.window(query.from(), query.to(), query.window().tz())
                    : page;
        });
    }
}
