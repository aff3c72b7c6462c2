package com.newsmell.contract;

/** Default Kafka topic names shared by all services. */
public final class Topics {

    /**
     * Validated interaction events in the wire format of {@link EventCodec} (UTF-8 JSON string values).
     * The record key is the event's {@code sessionId}, so all events of one session land in the same
     * partition and keep their order.
     */
    public static final String INTERACTIONS = "interaction-events";

    /**
     * Records that could not be processed. The value is the original payload as received; the key is
     * the original key when known. Headers {@link DeadLetterHeaders#REASON}
     * and {@link DeadLetterHeaders#SOURCE} describe the failure.
     */
    public static final String DEAD_LETTER = "interaction-events-dlq";

    /**
     * The collector's daily raw-store counts of a sample of perfumes ({@link PerfumeViewAudit}, keyed by perfumeId),
     * which perfume-stats-service checks its windows against.
     */
    public static final String PERFUME_VIEW_AUDIT = "perfume-view-audit";

    /**
     * The perfume catalog ({@link PerfumeCatalogEntry}), keyed by perfumeId; a
     * compacted topic ({@code cleanup.policy=compact}): the latest record of each perfume is kept, and a record with a
     * null value (a tombstone) deletes the perfume (ADR 0016).
     */
    public static final String PERFUME_CATALOG = "perfume-catalog";

    /**
     * Closed sessions ({@link SessionSummary}), keyed by sessionId; a compacted topic: the latest record of each
     * session is kept. session-service writes a session again, with a higher revision, when a late event changes it
     * (ADR 0017).
     */
    public static final String SESSION_SUMMARIES = "session-summaries";

    /**
     * Erasure requests ({@link ErasureRequest}, GDPR Art. 17), keyed by requestId: the collector publishes one per
     * {@code DELETE /v1/users/{userId}/data}; every service erases the user and acknowledges on {@link #PRIVACY_ACKS}
     * (ADR 0032). Its retention bounds how long the user id stays on Kafka.
     */
    public static final String PRIVACY_REQUESTS = "privacy-requests";

    /**
     * Identity links (ADR 0062), compacted: key the anonymousId, value {@link IdentityLink} JSON (the userId it became,
     * from a Segment-spec {@code identify} or {@code alias}); the last link of an anonymousId wins.
     */
    public static final String IDENTITY_LINKS = "identity-links";

    /** Acknowledgements of erasure requests ({@link ErasureAck}), keyed by requestId; the collector reads them. */
    public static final String PRIVACY_ACKS = "privacy-acks";

    /**
     * The prefix of the replay topics (ADR 0045): {@code interaction-replay.<service>} carries the raw events of a
     * replay ({@code POST /v1/replays} on the collector) to the one service being rebuilt or backfilled, in the
     * interaction topic's wire format, keyed by sessionId, each record with the {@link #REPLAY_ID_HEADER} header.
     */
    public static final String REPLAY_PREFIX = "interaction-replay.";

    /** The header naming the replay a record of a replay topic belongs to (its UUID, UTF-8). */
    public static final String REPLAY_ID_HEADER = "replay-id";

    /** What the services applied of each replay ({@link ReplayAck}), keyed by replayId; the collector reads them. */
    public static final String REPLAY_ACKS = "replay-acks";

    private Topics() {}
}
