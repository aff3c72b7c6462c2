package com.newsmell.session.graphql;

import com.newsmell.session.metrics.SearchMetrics;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of queries by count (GET /v1/search/metrics/top-queries).")
public record QueryCountPage(@NonNull List<SearchMetrics.@NonNull QueryCount> items, String nextCursor) {}
