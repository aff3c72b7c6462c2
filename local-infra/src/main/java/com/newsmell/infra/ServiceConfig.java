package com.newsmell.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration that points a service at the run's infrastructure: its own database and the run's
 * topics. Free of Quarkus types, so that processes started outside a Quarkus test can use it too.
 */
public final class ServiceConfig {

    /** Base name of the run's interaction topic (the run id is appended). */
    public static final String INTERACTIONS = "interaction-events";

    /** Base name of the run's dead-letter topic (the run id is appended). */
    public static final String DEAD_LETTER = "interaction-events-dlq";

    /** The collector's daily raw-store counts of a sample of perfumes, which perfume-stats-service checks against. */
    public static final String PERFUME_VIEW_AUDIT = "perfume-view-audit";

    /** The perfume catalog (ADR 0016): keyed by perfumeId, compacted. */
    public static final String PERFUME_CATALOG = "perfume-catalog";

    /** Closed sessions' summaries (ADR 0017): keyed by sessionId, compacted. */
    public static final String SESSION_SUMMARIES = "session-summaries";

    /** anonymousId → userId links from Segment-spec identify and alias calls (ADR 0062): keyed by anonymousId, compacted. */
    public static final String IDENTITY_LINKS = "identity-links";

    /** Erasure requests and acknowledgements (ADR 0032), keyed by requestId. */
    public static final String PRIVACY_REQUESTS = "privacy-requests";

    public static final String PRIVACY_ACKS = "privacy-acks";

    /** What the services applied of each replay (ADR 0045). */
    public static final String REPLAY_ACKS = "replay-acks";

    /** The services that read a replay topic (ADR 0045). */
    public static final List<String> REPLAYED_SERVICES =
            List.of("session-service", "profile-service", "perfume-stats-service", "recommendation-feedback-service");

    private static final Set<String> REPLAY_TOPICS_MADE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The run's prefix of the replay topics (ADR 0045): a service's replay topic is the prefix and its name. The four
     * topics are created up front, as deployments create them (a topic created by the first record's producer can
     * leave an idempotent producer retrying after a broker restart).
     */
    public static String replayPrefix(Infra infra) {
        String prefix = "interaction-replay-" + infra.runId() + ".";
        if (REPLAY_TOPICS_MADE.add(prefix)) {
            Map<String, Integer> topics = new HashMap<>();
            REPLAYED_SERVICES.forEach(service -> topics.put(prefix + service, 4));
            KafkaBroker.createTopics(infra.kafkaBootstrapServers(), topics);
        }
        return prefix;
    }

    /** The base names of the topics created compacted ({@code cleanup.policy=compact}). */
    public static final Set<String> COMPACTED = Set.of(PERFUME_CATALOG, SESSION_SUMMARIES, IDENTITY_LINKS);

    private ServiceConfig() {}

    public static Map<String, String> forService(Infra infra, String database) {
        String name = infra.database(database);
        PostgresServer pg = infra.postgres();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.username", pg.user());
        config.put("quarkus.datasource.password", pg.password());
        config.put("quarkus.datasource.reactive.url", pg.reactiveUrl(name));
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(name));
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        // The collector's write keys (issue 16): a pepper of this run; every test and benchmark client comes from one
        // address, so the per-address limit is out of the way (tests that check it set their own).
        config.put("newsmell.write-key.pepper", "test-pepper-" + infra.runId());
        config.put("newsmell.write-key.client-ip-limit.per-second", "100000");
        config.put("newsmell.write-key.client-ip-limit.burst", "100000");
        // The read and admin APIs' bearer tokens (issue 16, ADR 0063): the run's signing key (local-infra Tokens).
        config.putAll(Tokens.shared().serviceConfig());
        config.put("newsmell.topics.interactions", infra.topic(INTERACTIONS));
        config.put("newsmell.topics.dead-letter", infra.topic(DEAD_LETTER));
        config.put("newsmell.topics.perfume-view-audit", infra.topic(PERFUME_VIEW_AUDIT));
        config.put("newsmell.topics.perfume-catalog", infra.topic(PERFUME_CATALOG));
        config.put("newsmell.topics.session-summaries", infra.topic(SESSION_SUMMARIES));
        config.put("newsmell.topics.identity-links", infra.topic(IDENTITY_LINKS));
        config.put("newsmell.topics.privacy-requests", infra.topic(PRIVACY_REQUESTS));
        config.put("newsmell.topics.privacy-acks", infra.topic(PRIVACY_ACKS));
        config.put("newsmell.topics.replay-acks", infra.topic(REPLAY_ACKS));
        config.put("newsmell.topics.replay-prefix", replayPrefix(infra));
        return config;
    }
}
