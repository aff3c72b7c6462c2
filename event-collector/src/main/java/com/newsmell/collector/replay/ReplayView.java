package com.newsmell.collector.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A replay's progress and outcome (ADR 0045): per source (postgres, parquet) its status and the events it published;
 * what the service acknowledged (received, applied, dropped as erased users', dead-lettered); and the replay's
 * status: {@code failed} when a source failed, {@code publishing} while a source is pending or running,
 * {@code applying} until the service has acknowledged every published event, then {@code done}.
 */
public record ReplayView(
        String replayId,
        String service,
        String topic,
        Instant from,
        Instant to,
        Instant requestedAt,

        @Schema(enumeration = {"publishing", "applying", "done", "failed"})
        String status,

        long published,
        Consumed consumed,
        List<Source> sources) {

    /** One source of a replay. */
    public record Source(
            @Schema(enumeration = {"postgres", "parquet"}) String source,

            @Schema(enumeration = {"pending", "running", "done", "failed"})
            String status,

            long published,

            @Schema(description = "parquet: the archived months of the range it reads")
            List<LocalDate> months,

            Instant startedAt,
            Instant finishedAt,
            String error) {}

    /** What the service acknowledged. */
    public record Consumed(long received, long applied, long dropped, long deadLettered) {}

    static ReplayView of(
            String replayId,
            String service,
            String topic,
            Instant from,
            Instant to,
            Instant requestedAt,
            List<Source> sources,
            Consumed consumed) {
        long published = sources.stream().mapToLong(Source::published).sum();
        return new ReplayView(
                replayId,
                service,
                topic,
                from,
                to,
                requestedAt,
                status(sources, published, consumed),
                published,
                consumed,
                sources);
    }

    /** The replay's status from its sources' and the acknowledged counts (pure). */
    static String status(List<Source> sources, long published, Consumed consumed) {
        if (sources.stream().anyMatch(s -> s.status().equals("failed"))) {
            return "failed";
        }
        if (sources.stream().anyMatch(s -> !s.status().equals("done"))) {
            return "publishing";
        }
        return consumed.received() < published ? "applying" : "done";
    }
}
