package com.newsmell.perfumestats.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** perfume-stats-service's own settings ({@code newsmell.perfume-stats.*}), each with a default. */
@ConfigMapping(prefix = "newsmell.perfume-stats")
public interface PerfumeStatsConfig {

    UniqueViewers uniqueViewers();

    Trending trending();

    Jobs jobs();

    interface UniqueViewers {
        /** log2 of the HLL sketch's register count: 14 is exact to ~1,500 viewers and ~0.8% RSE beyond. */
        @WithDefault("14")
        int lgK();
    }

    /** The trending score (see README "Trending score"). */
    interface Trending {
        /** Half-life of an event's weight, in hours. */
        @WithDefault("24")
        double halfLifeHours();

        /** How far back the decayed engagement looks, in hours (older buckets weigh < 1% at the default). */
        @WithDefault("168")
        int lookbackHours();

        /** Smoothing added to the expected (baseline) engagement, in weighted events, so tiny perfumes don't spike. */
        @WithDefault("5")
        double prior();

        Weights weights();

        interface Weights {
            @WithDefault("1")
            double view();

            @WithDefault("2")
            double rating();

            @WithDefault("3")
            double wishlist();

            @WithDefault("4")
            double collection();

            @WithDefault("5")
            double tradeInquiry();
        }
    }

    interface Jobs {
        /** Quartz cron of the hourly job (seed: trending "every hour"); "off" turns the schedule off. */
        @WithDefault("0 0 * * * ?")
        String hourlyCron();

        /** How many shards the hourly job splits its perfumes into; any replica runs any shard. */
        @WithDefault("4")
        int hourlyShards();

        /**
         * Quartz cron of the daily reconciliation, the seed's perfumeStatistics "daily at 3am" refresh: it re-derives
         * every counter, average and CTR from the buckets, memberships and ratings.
         */
        @WithDefault("0 0 3 * * ?")
        String reconcileCron();

        /**
         * How many perfumes the hourly job refreshes per transaction: their rows stay locked (and their consumer
         * batches wait) for one statement.
         */
        @WithDefault("500")
        int hourlyChunkSize();

        /** How long hourly buckets are kept, in days; never less than 32 (the 30-day window reads 31). */
        @WithDefault("35")
        int hourlyRetentionDays();

        /**
         * Quartz cron of the weekly trend analysis (seed: trendAnalysis "Sunday at midnight"); "off" turns the
         * schedule off. Whatever it is, a run analyses the last whole week (Sunday to Saturday, UTC) before its clock.
         */
        @WithDefault("0 0 0 ? * SUN")
        String weeklyTrendsCron();

        /** How many perfumes the weekly trend analysis reads and writes per transaction. */
        @WithDefault("1000")
        int weeklyTrendsChunkSize();
    }
}
