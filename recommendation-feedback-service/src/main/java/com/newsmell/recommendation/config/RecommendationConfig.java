package com.newsmell.recommendation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** recommendation-feedback-service's own settings ({@code newsmell.recommendation.*}), each with a default. */
@ConfigMapping(prefix = "newsmell.recommendation")
public interface RecommendationConfig {

    /**
     * How long after an impression a conversion (view, wishlist, collection, rating, purchase) of its perfume by
     * its viewer is credited to it (ADR 0023); a day's metrics stay provisional until this has passed after the
     * day.
     */
    @WithDefault("P7D")
    Duration attributionWindow();

    PositionBias positionBias();

    Compare compare();

    Training training();

    Jobs jobs();

    interface PositionBias {
        /**
         * Randomized impressions a position needs (and position 0 of its source) before its propensity is estimated;
         * below that the position has no propensity and the debiased CTR of impressions there is not computed.
         */
        @WithDefault("30")
        int minRandomizedImpressions();

        /** The smallest propensity used as a weight's divisor (clipped IPS): caps one click's weight at 1/clip. */
        @WithDefault("0.05")
        double clip();
    }

    interface Compare {
        /** Impressions each algorithm needs before a comparison gives a verdict. */
        @WithDefault("100")
        int minImpressions();

        /** Successes (of the metric) both algorithms together need before a comparison gives a verdict. */
        @WithDefault("10")
        int minSuccesses();

        /** Bootstrap resamples over users. */
        @WithDefault("2000")
        int bootstrapResamples();

        /** The bootstrap's seed: the same data and seed give the same interval and p-value. */
        @WithDefault("20170206")
        long bootstrapSeed();
    }

    interface Training {
        /**
         * The key of the keyed hash (HMAC-SHA256) that pseudonymises user and anonymous ids in training exports. Set
         * it per environment (a secret); the default is for development only.
         */
        @WithDefault("dev-only-pseudonym-key")
        String pseudonymKey();

        /** How many exports are kept (the newest). */
        @WithDefault("3")
        int keptExports();
    }

    interface Jobs {
        /** Quartz cron of the daily rollup (seed: recommendationMetrics "daily at 4am"); "off" turns it off. */
        @WithDefault("0 0 4 * * ?")
        String dailyMetricsCron();

        /** Quartz cron of the weekly performance report (Sunday 02:00); "off" turns it off. */
        @WithDefault("0 0 2 ? * SUN")
        String weeklyReportCron();
    }
}
