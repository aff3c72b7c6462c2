package com.newsmell.collector.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.privacy.PrivacyService;
import com.newsmell.collector.quality.QualityRecorder;
import com.newsmell.contract.EventParser;
import com.newsmell.contract.ParseResult;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.consumer.DeadLetterPublisher;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Validates, enriches and publishes events. A request is answered only once Kafka has acknowledged
 * every accepted event (and every dead-lettered one); if Kafka cannot take the write, 503.
 */
@ApplicationScoped
public class IngestService {

    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final CollectorConfig config;
    private final EventLimits limits;
    private final SchemaAcceptance acceptance;
    private final Enricher enricher;
    private final EventPublisher publisher;
    private final DeadLetterPublisher deadLetters;
    private final MeterRegistry meters;
    private final QualityRecorder quality;
    private final PrivacyService privacy;
    private final IngestMetrics ingestMetrics;

    /** The source of a rejection before write keys exist (issue #20): none. */
    static final String NO_SOURCE = "";

    public IngestService(
            CollectorConfig config,
            Enricher enricher,
            EventPublisher publisher,
            DeadLetterPublisher deadLetters,
            MeterRegistry meters,
            QualityRecorder quality,
            PrivacyService privacy,
            IngestMetrics ingestMetrics) {
        this.privacy = privacy;
        this.ingestMetrics = ingestMetrics;
        this.config = config;
        this.limits = EventLimits.of(config);
        this.acceptance = SchemaAcceptance.of(config);
        this.enricher = enricher;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.quality = quality;
    }

    /** One event: all or nothing. */
    public Uni<IngestResult> ingestOne(byte[] body, RequestContext request) {
        JsonNode node = RequestBodyReader.read(body, config.maxBatchBytes());
        Validated validated = validate(node, "", request);
        if (validated.event() == null) {
            count("rejected", 1);
            ingestMetrics.rejected(validated.violations());
            ProblemException problem =
                    new ProblemException(Problem.invalid("The event is invalid.", validated.violations()));
            return quality.rejected(
                            List.of(new QualityRecorder.Rejection(node, validated.violations())),
                            request.receivedAt(),
                            NO_SOURCE)
                    .chain(() -> Uni.createFrom().failure(problem));
        }
        return privacy.suppressed(List.of(validated.event()))
                .chain(suppressed -> suppressed.isEmpty()
                        ? publisher
                                .publish(validated.event())
                                .invoke(() -> ingestMetrics.ingested(validated.event(), IngestMetrics.SINGLE))
                        : Uni.createFrom().voidItem())
                .onFailure()
                .transform(this::unavailable)
                .map(ignored -> {
                    count("accepted", 1);
                    return new IngestResult(
                            List.of(new IngestResult.Item(0, validated.event().eventId(), List.of())),
                            validated.deprecation());
                });
    }

    /** A batch: valid events are accepted, invalid ones are listed and dead-lettered with their reasons. */
    public Uni<IngestResult> ingestBatch(byte[] body, RequestContext request) {
        JsonNode node = RequestBodyReader.read(body, config.maxBatchBytes());
        JsonNode events = RequestBodyReader.batchEvents(node, config.maxBatchEvents());
        List<Validated> validated = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            validated.add(validate(events.get(i), "/events/" + i, request));
        }
        List<QualityRecorder.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < validated.size(); i++) {
            if (validated.get(i).event() == null) {
                rejections.add(new QualityRecorder.Rejection(
                        events.get(i), validated.get(i).violations()));
            }
        }
        if (validated.stream().allMatch(v -> v.event() == null)) {
            count("rejected", validated.size());
            validated.forEach(v -> ingestMetrics.rejected(v.violations()));
            List<Violation> all =
                    validated.stream().flatMap(v -> v.violations().stream()).toList();
            ProblemException problem = new ProblemException(Problem.invalid("No event of the batch is valid.", all));
            return quality.rejected(rejections, request.receivedAt(), NO_SOURCE)
                    .chain(() -> Uni.createFrom().failure(problem));
        }
        List<UserInteractionEvent> valid = validated.stream()
                .map(Validated::event)
                .filter(java.util.Objects::nonNull)
                .toList();
        return privacy.suppressed(valid)
                .chain(suppressed -> publishBatch(events, validated, suppressed)
                        .call(() -> quality.rejected(rejections, request.receivedAt(), NO_SOURCE)));
    }

    /**
     * A Segment-spec message mapped to a native event ({@code event}, checked by {@link EventParser#parseSpec}), or
     * the reasons it maps to nothing ({@code mappingViolations}, then {@code event} is null); {@code message} is what
     * the client sent, which a rejected item's dead letter carries; {@code request} the facts of its request (its
     * {@code context.ip} where it gave one); {@code pointer} the message's place in the request ({@code /batch/3}, or
     * {@code ""} for a single message), which prefixes its errors.
     */
    public record SpecSubmission(
            String pointer,
            JsonNode message,
            JsonNode event,
            List<Violation> mappingViolations,
            RequestContext request) {}

    /**
     * Segment-spec messages (ADR 0060): each is checked alone, valid ones are published, the others are reported and
     * dead-lettered with their reasons; unlike a native batch, a request whose every message is rejected is answered
     * too (each rejection is on the dead-letter topic, nothing is lost).
     */
    public Uni<IngestResult> ingestSpec(List<SpecSubmission> submissions, String source) {
        ArrayNode messages = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        List<Validated> validated = new ArrayList<>();
        List<QualityRecorder.Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            SpecSubmission submission = submissions.get(i);
            messages.add(submission.message());
            Validated v = submission.event() == null
                    ? new Validated(null, prefixed(submission.mappingViolations(), submission.pointer()), null)
                    : validate(submission.event(), submission.pointer(), submission.request(), true);
            validated.add(v);
            if (v.event() == null) {
                rejections.add(new QualityRecorder.Rejection(submission.message(), v.violations()));
            }
        }
        List<UserInteractionEvent> valid = validated.stream()
                .map(Validated::event)
                .filter(java.util.Objects::nonNull)
                .toList();
        Instant receivedAt = submissions.isEmpty()
                ? Instant.now()
                : submissions.get(0).request().receivedAt();
        return privacy.suppressed(valid)
                .chain(suppressed -> publishBatch(messages, validated, suppressed)
                        .call(() -> quality.rejected(rejections, receivedAt, source)));
    }

    private Uni<IngestResult> publishBatch(
            JsonNode events, List<Validated> validated, java.util.Set<String> suppressed) {
        List<Uni<Void>> writes = new ArrayList<>();
        List<IngestResult.Item> items = new ArrayList<>();
        List<UserInteractionEvent> accepted = new ArrayList<>();
        for (int i = 0; i < validated.size(); i++) {
            Validated v = validated.get(i);
            if (v.event() != null) {
                if (!suppressed.contains(v.event().eventId())) {
                    accepted.add(v.event());
                }
                items.add(new IngestResult.Item(i, v.event().eventId(), List.of()));
            } else {
                ingestMetrics.rejected(v.violations());
                writes.add(deadLetter(events.get(i), v.violations()));
                items.add(new IngestResult.Item(i, null, v.violations()));
            }
        }
        IngestResult result = new IngestResult(
                items,
                validated.stream()
                        .filter(v -> v.event() != null && v.deprecation() != null)
                        .map(Validated::deprecation)
                        .min(java.util.Comparator.comparing(SchemaAcceptance.Window::sunset))
                        .orElse(null));
        // the request's accepted events in one hand-over to Kafka (ADR 0073); every valid one suppressed: nothing
        writes.add(publisher
                .publishAll(accepted)
                .invoke(() -> accepted.forEach(e -> ingestMetrics.ingested(e, IngestMetrics.BATCH))));
        return Uni.join()
                .all(writes)
                .andCollectFailures()
                .onFailure()
                .transform(this::unavailable)
                .map(ignored -> {
                    count("accepted", result.acceptedCount());
                    count("rejected", result.rejectedCount());
                    return result;
                });
    }

    private Validated validate(JsonNode node, String prefix, RequestContext request) {
        return validate(node, prefix, request, false);
    }

    private Validated validate(JsonNode node, String prefix, RequestContext request, boolean spec) {
        List<Violation> violations = new ArrayList<>();
        ParseResult parsed = spec ? EventParser.parseSpec(node) : EventParser.parse(node);
        violations.addAll(parsed.violations());
        UserInteractionEvent event = null;
        SchemaAcceptance.Window deprecation = null;
        if (parsed.valid()) {
            String sent = parsed.event().schemaVersionSent();
            violations.addAll(acceptance.check(sent, request.receivedAt()));
            deprecation = acceptance.deprecated(sent, request.receivedAt()).orElse(null);
            violations.addAll(limits.checkTimestamp(
                    Enrichment.correctedTimestamp(parsed.event(), request.receivedAt()), request.receivedAt()));
            event = enricher.enrich(parsed.event(), request);
        }
        List<Violation> prefixed = prefixed(violations, prefix);
        return new Validated(prefixed.isEmpty() ? event : null, prefixed, deprecation);
    }

    private static List<Violation> prefixed(List<Violation> violations, String prefix) {
        return violations.stream()
                .map(v -> new Violation(prefix + v.pointer(), v.rule(), v.message()))
                .toList();
    }

    private Uni<Void> deadLetter(JsonNode event, List<Violation> violations) {
        ArrayNode reason = IngestResult.errorsJson(violations);
        return deadLetters.publish(deadLetterKey(event), event.toString(), reason.toString(), "event-collector");
    }

    /** The sessionId, else the anonymousId, else the userId the rejected body names, as the accepted event's key. */
    static String deadLetterKey(JsonNode event) {
        for (String field : List.of("sessionId", "anonymousId", "userId")) {
            JsonNode id = event.path(field);
            if (id.isTextual()) {
                return id.asText();
            }
        }
        return null;
    }

    private Throwable unavailable(Throwable failure) {
        return KafkaUnavailable.problem(
                meters, config.retryAfterSeconds(), "The event log", " with the same eventIds", failure);
    }

    private void count(String outcome, long n) {
        meters.counter("newsmell.collector.events", "outcome", outcome).increment(n);
    }

    private record Validated(
            UserInteractionEvent event, List<Violation> violations, SchemaAcceptance.Window deprecation) {}
}
