package com.newsmell.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/**
 * profile-service's own settings ({@code newsmell.profile.*}), each with a default; every profile field's definition
 * (README "Profile fields") names the constants it uses.
 */
@ConfigMapping(prefix = "newsmell.profile")
public interface ProfileConfig {

    Job job();

    Window window();

    Weights weights();

    Style style();

    Engagement engagement();

    Churn churn();

    Features features();

    Similarity similarity();

    Segments segments();

    /** Anonymisation and deletion of inactive profiles (issue #15, ADR 0033): {@code newsmell.profile.retention.*}. */
    Retention retention();

    interface Retention {

        /** A profile inactive this long is anonymised: its user id becomes a keyed pseudonym, search terms go. */
        @WithDefault("P180D")
        java.time.Duration anonymiseAfter();

        /** A profile (anonymised or not) inactive this long is deleted with all its rows. */
        @WithDefault("P730D")
        java.time.Duration deleteAfter();

        /** When the profile-retention job runs (Quartz cron, seconds first; off turns it off). */
        @WithDefault("0 30 4 * * ?")
        String cron();

        /** Most profiles one run handles in each step. */
        @WithDefault("1000")
        int batchSize();
    }

    /** The daily job (seed: userBehaviorProfiles "daily at 2am"). */
    interface Job {
        /** Quartz cron (seconds first); "off" turns the schedule off. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        /** Users recomputed per transaction. */
        @WithDefault("500")
        int chunkSize();

        /** Chunks recomputed at the same time, each in its own transaction on an event loop of its own. */
        @WithDefault("2")
        int parallelism();
    }

    interface Window {
        /** The profile's window: this many UTC days, ending with the day of the run (inclusive). */
        @WithDefault("30")
        int days();

        /** How far back the usual gap between active days looks (churnRisk), in UTC days; at least days(). */
        @WithDefault("90")
        int historyDays();

        /** Most notes in preferredNotes. */
        @WithDefault("25")
        int topNotes();

        /** Most houses in preferredHouses. */
        @WithDefault("15")
        int topHouses();

        /** Most terms in searchPatterns. */
        @WithDefault("20")
        int topSearchTerms();
    }

    /** A preference weight's interaction weights and half-life (issue #11, fixed). */
    interface Weights {
        @WithDefault("1")
        double view();

        @WithDefault("1.5")
        double notesExpanded();

        @WithDefault("2")
        double review();

        @WithDefault("3")
        double wishlist();

        @WithDefault("4")
        double collection();

        /** A rating weighs (value − ratingNeutral). */
        @WithDefault("3")
        double ratingNeutral();

        @WithDefault("14")
        double halfLifeDays();
    }

    /** browsingStyle's thresholds (README "browsingStyle"). */
    interface Style {
        /** Trade events in the window that make a trader. */
        @WithDefault("3")
        int traderMinTrades();

        /** Fewer events than this in the window, or fewer active days than casualMinActiveDays: casual. */
        @WithDefault("30")
        int casualMaxEvents();

        @WithDefault("3")
        int casualMinActiveDays();

        /** Distinct perfumes viewed that an explorer needs. */
        @WithDefault("15")
        int explorerMinPerfumes();

        /** Distinct perfumes viewed per perfume view that an explorer needs. */
        @WithDefault("0.5")
        double explorerMinDistinctShare();
    }

    /** engagementScore's components and the figure at which each is full (README "engagementScore"). */
    interface Engagement {
        @WithDefault("30")
        double activityPoints();

        @WithDefault("20")
        double volumePoints();

        /** Events in the window that give full volume points. */
        @WithDefault("200")
        int volumeFullAt();

        @WithDefault("30")
        double depthPoints();

        /** Ratings, reviews, wishlist and collection adds and trades in the window that give full depth points. */
        @WithDefault("10")
        int depthFullAt();

        @WithDefault("20")
        double sessionPoints();

        /** Average session duration, in seconds, that gives full session points. */
        @WithDefault("600")
        int sessionFullAtSeconds();
    }

    /** churnRisk (README "churnRisk"). */
    interface Churn {
        /** The usual gap of a user with fewer than two active days in the history, in days. */
        @WithDefault("7")
        double defaultUsualGapDays();

        /** churnRisk reaches 1 when the days since the last activity are this many usual gaps. */
        @WithDefault("4")
        double fullRiskGaps();
    }

    /** The feature store (issue #12, ADR 0021; README "Feature store"). */
    interface Features {
        /**
         * Days of vector snapshots kept, ending with the latest run's day (the one in effect on the first of them is
         * kept too); older days answer 404 / {@code before-retention}.
         */
        @WithDefault("90")
        int retentionDays();

        /**
         * Caps of the count and rate features for the next schema version, by feature name
         * ({@code newsmell.profile.features.caps.totalSessions=100}); the layout's defaults otherwise. A version's
         * caps are frozen when it is made: changing one takes effect with the next POST /v1/features/schema/versions.
         */
        Map<String, Double> caps();

        Historical historical();

        /** POST /v1/features/historical. */
        interface Historical {
            /** Most rows of one request; more is a 413 problem. */
            @WithDefault("100000")
            int maxRows();

            /** Largest request body, in bytes; more is a 413 problem. */
            @WithDefault("16777216")
            int maxBytes();

            /** Rows looked up per statement (and streamed out per chunk). */
            @WithDefault("1000")
            int chunkSize();
        }
    }

    /** The similar users (issue #12, README "Similarity", ADR 0022). */
    interface Similarity {
        /** Quartz cron of the similar-users job (after the 2am profiles job); "off" turns the schedule off. */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** Most similar users kept per user (the most GET …/similar?limit= can ask for). */
        @WithDefault("50")
        int top();

        /** Threads of the brute-force search. */
        @WithDefault("2")
        int threads();

        /** Vectors read per statement. */
        @WithDefault("5000")
        int readChunk();

        /** Users whose neighbours are written per transaction. */
        @WithDefault("1000")
        int writeChunk();
    }

    /** The weekly segmentation (issue #12, README "Segments"; seed: userSegmentation "Sunday at 1am"). */
    interface Segments {
        /** Quartz cron of the segments job; "off" turns the schedule off. */
        @WithDefault("0 0 1 ? * SUN")
        String cron();

        /** Segments (k of k-means). */
        @WithDefault("8")
        int k();

        /** Most k-means iterations (it stops earlier when no user changes segment). */
        @WithDefault("100")
        int maxIterations();

        /** Seed of the k-means++ initialisation (JDKRandomGenerator): the same vectors give the same segments. */
        @WithDefault("42")
        int seed();

        /** k-means runs from successive k-means++ starts; the one with the least within-segment variance is kept. */
        @WithDefault("5")
        int trials();

        /** Distinctive features described per segment. */
        @WithDefault("5")
        int distinctiveFeatures();

        /** Weeks of segments and assignments kept (older ones are deleted by the job). */
        @WithDefault("12")
        int keepWeeks();

        /** Vectors read per statement. */
        @WithDefault("5000")
        int readChunk();

        /** Users' segments written per statement, and profiles updated per transaction. */
        @WithDefault("5000")
        int writeChunk();
    }
}
