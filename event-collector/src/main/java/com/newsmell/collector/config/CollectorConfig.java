package com.newsmell.collector.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The collector's rules and limits: {@code newsmell.collector.*}. */
@ConfigMapping(prefix = "newsmell.collector")
public interface CollectorConfig {

    /** Most events in one batch request. */
    @WithDefault("500")
    int maxBatchEvents();

    /** Largest request body, in bytes; above it the answer is 413. */
    @WithDefault("1048576")
    int maxBatchBytes();

    /** How old an event's (clock-corrected) timestamp may be. */
    @WithDefault("P7D")
    Duration acceptedLateness();

    /** How far in the future an event's timestamp may be. */
    @WithDefault("PT24H")
    Duration maxFutureSkew();

    /** The trusted header carrying the client's country code (set by the CDN or ingress). */
    @WithDefault("CF-IPCountry")
    String countryHeader();

    /** Whether the client address is taken from X-Forwarded-For (behind a trusted proxy). */
    @WithDefault("true")
    boolean trustForwardedFor();

    /** Retry-After, in seconds, when Kafka cannot take the write. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * Most request-body bytes waiting for Kafka at once (issue 17, overload); a request beyond it is answered 503
     * with Retry-After at once. One request is always admitted when none is in flight.
     */
    @WithDefault("33554432")
    long maxInFlightBytes();

    /**
     * Most ingest requests in progress at once, counted from their headers to their answer (issue 17, overload; ADR
     * 0072): a request beyond it is answered 503 with Retry-After before its body is read, so under overload the excess
     * costs almost nothing instead of queueing until its client gives up.
     */
    @WithDefault("128")
    int maxRequestsInProgress();

    /**
     * Whether this replica ingests events (ADR 0074). False on the raw store's Deployment (event-collector-raw-store),
     * which only consumes: it does not load the user-agent rules, and an ingest request reaching it anyway is answered
     * 503 {@code not-ingesting} with nothing accepted.
     */
    @WithDefault("true")
    boolean ingest();

    /** Retry-After, in seconds, of a request refused because the collector is at its in-flight limit. */
    @WithDefault("1")
    int overloadRetryAfterSeconds();

    /** How many months of raw-store partitions exist ahead of the current one. */
    @WithDefault("3")
    int partitionMonthsAhead();

    /** When the partition job runs (Quarkus cron, seconds first). */
    @WithDefault("0 5 * * * ?")
    String partitionCron();

    /** The Segment-spec endpoints: {@code newsmell.collector.segment.*} (ADR 0060). */
    Segment segment();

    /** The Segment-spec endpoints (ADR 0060). */
    interface Segment {

        /** Largest message, in bytes (inflated): Segment's 32 KB. */
        @WithDefault("32768")
        int maxEventBytes();

        /** Largest batch request, in bytes (inflated): Segment's 500 KB. */
        @WithDefault("512000")
        int maxBatchBytes();

        /**
         * The identify traits kept on the identity link (an allow-list, none by default: no email, name or phone);
         * every other trait is dropped unread.
         */
        java.util.Optional<java.util.Set<String>> traits();

        /**
         * The host (and port, and path prefix) the settings endpoints send browser SDKs to, without protocol, e.g.
         * {@code collector.example.com/v1}; by default the request's own host and {@code /v1}.
         */
        java.util.Optional<String> apiHost();

        /** The protocol of {@link #apiHost()}; by default the request's. */
        java.util.Optional<String> protocol();
    }

    /** The event contract's versions: {@code newsmell.collector.schemas.*} (ADR 0040). */
    Schemas schemas();

    /** The event contract's versions (ADR 0040). */
    interface Schemas {

        /**
         * Each superseded model's acceptance window, by model number: {@code superseded.1.deprecated} and {@code
         * superseded.1.sunset}. Submissions of the model are accepted until the sunset, then refused.
         */
        Map<String, Superseded> superseded();
    }

    /** A superseded model's acceptance window. */
    interface Superseded {

        /** When the model was superseded (the {@code Deprecation} header). */
        Instant deprecated();

        /** From when its submissions are refused (the {@code Sunset} header until then). */
        Instant sunset();
    }

    /** The raw store's tiers (ADR 0030): {@code newsmell.collector.tiers.*}. */
    Tiers tiers();

    /**
     * A monthly partition is hot while it holds any of the last {@code hot} (7 days), warm after, and due for the
     * archive once its last day is {@code warm} (90 days) old: a month leaves PostgreSQL 90 days after it ended,
     * 118 to 121 days after it began.
     */
    interface Tiers {

        @WithDefault("P7D")
        Duration hot();

        @WithDefault("P90D")
        Duration warm();

        /** Where the cold tier lives, said by GET /v1/events (the event-archiver's store). */
        @WithDefault("Parquet archive of event-archiver (.data/archive locally, the archive bucket on Kubernetes):"
                + " events/year=YYYY/month=MM/event_type=TYPE/part-0.parquet")
        String archiveLocation();
    }

    /** Erasure and its receipt (ADR 0032): {@code newsmell.collector.privacy.*}. */
    Privacy privacy();

    interface Privacy {

        /** The services (and event-archiver) whose acknowledgement completes an erasure. */
        @WithDefault(
                "event-collector,session-service,profile-service,perfume-stats-service,recommendation-feedback-service,event-archiver")
        java.util.List<String> services();

        /** The retention of the interaction topic: raw copies of the user's events expire by then. */
        @WithDefault("P7D")
        Duration interactionTopicRetention();

        /** The retention of the dead-letter topic. */
        @WithDefault("P7D")
        Duration deadLetterTopicRetention();

        /** The retention of the privacy-requests topic (the request carries the user id). */
        @WithDefault("P7D")
        Duration privacyRequestTopicRetention();

        /** How long database backups are kept (the operator's policy; stated on the receipt). */
        @WithDefault("P30D")
        Duration backupRetention();

        /** How often the open and stalled erasure requests are counted for their gauges. */
        @WithDefault("30s")
        Duration openRefresh();

        /** Re-publishing a request whose acknowledgements are missing: {@code newsmell.collector.privacy.retry.*}. */
        Retry retry();

        /**
         * The {@code erasure-retries} job (ADR 0032): a request some service has not acknowledged done is published
         * again {@code first-delay} after it was published, then after twice that, and so on, {@code max-attempts}
         * publications in all.
         */
        interface Retry {

            /** When the job runs (Quartz cron, seconds first; {@code off} turns the schedule off). */
            @WithDefault("30 * * * * ?")
            String cron();

            /** The wait before the first re-publication; each later wait is twice the one before. */
            @WithDefault("PT2M")
            Duration firstDelay();

            /** Publications of one request at most, the first one included. */
            @WithDefault("6")
            int maxAttempts();

            /** Services that acknowledge without reading privacy-requests (event-archiver reads the database). */
            @WithDefault("event-archiver")
            java.util.List<String> notOnKafka();
        }
    }

    /** Replays (ADR 0045): {@code newsmell.collector.replay.*}. */
    Replay replay();

    interface Replay {

        /** The services a replay may be published to (each reads {@code <topic-prefix><service>}). */
        @WithDefault("session-service,profile-service,perfume-stats-service,recommendation-feedback-service")
        java.util.List<String> services();

        /** The replay topics' prefix (the toolkit's {@code newsmell.topics.replay-prefix}). */
        String topicPrefix();

        /** The longest range one replay may cover: the archive's retention (2 years) and a day. */
        @WithDefault("P731D")
        Duration maxRange();

        /** Events read from PostgreSQL per page (keyset by timestamp, eventId), each page's acks awaited. */
        @WithDefault("500")
        int pageSize();
    }

    /** The daily perfume-view audit: {@code newsmell.collector.perfume-view-audit.*}. */
    PerfumeViewAudit perfumeViewAudit();

    /**
     * The {@code perfume-view-audit} job: the raw store's 7- and 30-day view counts of a sample of perfumes,
     * published for perfume-stats-service to compare its windows with.
     */
    interface PerfumeViewAudit {

        /** When it runs (Quartz cron, seconds first; {@code off} turns the schedule off). */
        @WithDefault("0 30 3 * * ?")
        String cron();

        /** How many of the most viewed perfumes (non-bot PERFUME_VIEWs in the 30 days before asOf) are audited. */
        @WithDefault("50")
        int mostViewed();

        /** How many other perfumes, drawn at random, are audited as well. */
        @WithDefault("50")
        int random();

        /**
         * The random perfumes are drawn from those with a non-bot PERFUME_VIEW in this long before asOf (at least 30
         * days), so that perfumes whose views have left the windows are audited too.
         */
        @WithDefault("P60D")
        Duration randomPool();
    }
}
