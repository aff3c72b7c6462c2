package com.newsmell.perfumestats.graphql;

import com.newsmell.perfumestats.stats.PerfumeStatsView;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The Perfume entity as perfume-stats-service contributes it: its statistics (and, by field resolvers, more). */
@Key(fields = @FieldSet("perfumeId"))
@Description("A perfume (entity, key perfumeId). perfume-stats-service: statistics, trending, features, catalog copy.")
public record Perfume(
        @NonNull @Description("The perfume.") String perfumeId,

        @Description("Its interaction statistics (GET /v1/perfumes/{id}/stats); absent without any (non-bot)"
                + " interaction.")
        PerfumeStatsView stats) {}
