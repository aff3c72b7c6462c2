package com.newsmell.session.search;

import java.time.Instant;

/**
 * What GET /v1/search/queries selects; every part is optional (null: any).
 *
 * @param from inclusive bound of the search's timestamp
 * @param to exclusive bound of the search's timestamp
 * @param text a full-text query over the query text (PostgreSQL {@code websearch_to_tsquery('simple', …)})
 * @param hasResults true: resultsCount &gt; 0; false: resultsCount = 0
 */
public record SearchFilter(
        String sessionId, String userId, Instant from, Instant to, String text, Boolean hasResults) {}
