package com.newsmell.perfumestats.graphql;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of the momentum ranking: pass nextCursor as cursor for the next page.")
public record TrendingPage(
        @NonNull List<@NonNull TrendingPerfume> items,
        @Description("Absent on the last page.") String nextCursor,

        @Description("The hourly job's hour the scores are as of.")
        Instant asOf) {}
