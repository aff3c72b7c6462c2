package com.newsmell.infra;

import static org.awaitility.Awaitility.await;

import com.newsmell.contract.DeadLetterHeaders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Checks every consumer of the system must pass, against the run's real broker and database. */
public final class ConsumerChecks {

    private ConsumerChecks() {}

    /**
     * Waits until exactly {@code count} dead letters whose value contains {@code marker} and whose
     * dead-letter-source header is {@code source} are on the run's dead-letter topic, and returns them.
     */
    public static List<TopicReader.Read> awaitDeadLetters(String marker, String source, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.deadLetters(WireEvents.deadLetterTopic(), marker).stream()
                                .filter(r -> source.equals(r.headers().get(DeadLetterHeaders.SOURCE)))
                                .toList(),
                        l -> l.size() == count);
    }

    /** Publishes two poison messages keyed by the session: one not JSON, one JSON that is no event. */
    public static void publishPoison(String sessionId) {
        WireEvents.publishRaw(sessionId, "not json " + sessionId, "{\"sessionId\":\"" + sessionId + "\"}");
    }

    /**
     * Waits until both poison messages of {@link #publishPoison} are dead letters of {@code source}, and checks
     * that each carries an "invalid event" reason.
     */
    public static void awaitPoisonDeadLettered(String sessionId, String source) {
        for (TopicReader.Read dead : awaitDeadLetters(sessionId, source, 2)) {
            String reason = dead.headers().get(DeadLetterHeaders.REASON);
            if (reason == null || !reason.startsWith("invalid event")) {
                throw new AssertionError("dead letter of " + source + " without an 'invalid event' reason: " + reason);
            }
        }
    }

    /**
     * Stops PostgreSQL, lets {@code produce} write to the topic, checks that the group commits no offset past
     * what it stored while the database is down, starts PostgreSQL again and waits for {@code caughtUp}.
     */
    public static void pausesDuringDatabaseOutage(
            String group, String topic, Runnable produce, Callable<Boolean> caughtUp) {
        PostgresServer postgres = Infra.shared().postgres();
        if (!postgres.isEmbedded()) {
            throw new IllegalStateException(
                    "this check stops the embedded PostgreSQL; it cannot run against an external one");
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicReader.committedOffsets(group, topic) == TopicReader.endOffsets(topic));
        postgres.stop();
        try {
            produce.run();
            long end = TopicReader.endOffsets(topic);
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> TopicReader.committedOffsets(group, topic) < end);
        } finally {
            postgres.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(caughtUp);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.committedOffsets(group, topic) == TopicReader.endOffsets(topic));
    }
}
