package com.newsmell.bench;

import static com.newsmell.bench.CollectorBench.log;

import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ServiceProcess;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * session-service's benchmarks, in one run on one Kafka broker and one PostgreSQL server:
 *
 * <ol>
 *   <li>sustained consumption (claim, store the session events, re-fold every touched session and its searches,
 *       rollup deltas) against {@code kafka-consumer-perf-test}, see {@link ConsumerBench#sustained};
 *   <li>freshness: probe page views of fresh sessions, from the collector's 202 to the session being visible in
 *       {@code GET /v1/sessions/{sessionId}} (p50, p99).
 * </ol>
 *
 * <p>Usage: {@code SessionBench [--events N] [--probes N] [--load-rate R] [--concurrency C] [--repo DIR]}.
 */
public final class SessionBench extends ConsumerBench {

    public static void main(String[] args) {
        main(new SessionBench(), args);
    }

    SessionBench() {
        super("session-service", "session", Map.of("newsmell.session.rollup-cron", "off"));
    }

    @Override
    void measure(ServiceProcess collector, ServiceProcess sessions, String topic) throws Exception {
        consumption(collector, topic, 37, "");
        log(
                "stored: %d session events, %d sessions",
                count("select count(*) from session_event"), count("select count(*) from user_session"));
        var freshness = freshness(collector, 53, i -> {
            String sessionId = "bench-probe-" + UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            UserInteractionEvent probe = UserInteractionEvent.builder()
                    .sessionId(sessionId)
                    .eventType(InteractionEventType.PAGE_VIEW)
                    .timestamp(now)
                    .clientTimestamp(now)
                    .path("/bench/probe")
                    .eventData(pageViewData())
                    .deviceType("desktop")
                    .build();
            return new Probe(probe, URI.create(sessions.baseUrl() + "/v1/sessions/" + sessionId), "\"pageViews\":1");
        });
        logFreshness(freshness);
    }
}
