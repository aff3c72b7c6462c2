package com.newsmell.session.graphql;

import com.newsmell.session.search.SearchQueryView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of search queries (GET /v1/search/queries): pass nextCursor as cursor for the next page.")
public record SearchPage(@NonNull List<@NonNull SearchQueryView> items, String nextCursor) {}
