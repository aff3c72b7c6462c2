package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.toolkit.api.TimeWindow;
import com.newsmell.toolkit.api.WindowParams;
import com.newsmell.toolkit.http.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The data-quality view's reads (issue #20, ADR 0041): the counts as {@link QualityView} answers them, the samples. */
@ApplicationScoped
public class QualityService {

    private final QualityRepository repository;

    public QualityService(QualityRepository repository) {
        this.repository = repository;
    }

    /** The counts of the window, grouped by {@code groupBy} (null: not grouped). */
    public Uni<ObjectNode> counts(TimeWindow window, QualityGroup groupBy) {
        return repository.counts(window, groupBy).map(counts -> QualityView.of(window, groupBy, counts, Instant.now()));
    }

    /**
     * The counts as asked by a client (REST {@code GET /v1/quality} and the GraphQL {@code quality} field): the
     * window on the granularity's grid (default day), {@code groupBy} one of {@link QualityGroup} or null; a bad
     * value is a problem naming the parameter.
     */
    public Uni<ObjectNode> counts(WindowParams window, String granularity, String groupBy) {
        TimeWindow w = window.metrics(TimeWindow.Granularity.parse(granularity, TimeWindow.Granularity.DAY));
        QualityGroup group = QueryParams.oneOf("groupBy", groupBy, QualityGroup.BY_NAME, null);
        return counts(w, group);
    }

    /** The latest samples, newest first. */
    public Uni<List<QualityRepository.Sample>> samples(String rule, String eventType, int limit) {
        return repository.samples(rule, eventType, limit);
    }
}
