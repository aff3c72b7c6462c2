package com.newsmell.perfumestats.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A perfume of the momentum ranking (GET /v1/perfumes/trending).")
public record TrendingPerfume(
        @Description("1 for the highest trendingScore.") int rank,

        @Description("The stored trending score (the hourly job's).")
        double trendingScore,

        @NonNull @Description("The perfume, with what every subgraph knows of it.")
        Perfume perfume) {}
