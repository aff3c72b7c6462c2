package com.newsmell.session.search;

import java.time.Instant;
import java.util.List;

/**
 * What GET /v1/search/queries selects; every part is optional (null: any).
 *
 * @param userIds null: any user; else these users' searches, each user's page of its own (GraphQL batches users)
 * @param from inclusive bound of the search's timestamp
 * @param to exclusive bound of the search's timestamp
 * @param text a full-text query over the query text (PostgreSQL {@code websearch_to_tsquery('simple', …)})
 * @param hasResults true: resultsCount &gt; 0; false: resultsCount = 0
 */
public record SearchFilter(
        String sessionId, List<String> userIds, Instant from, Instant to, String text, Boolean hasResults) {}
