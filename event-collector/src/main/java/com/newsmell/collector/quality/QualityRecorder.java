package com.newsmell.collector.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.Violation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Records what the data-quality view shows (issue #20) in the collector's database, so every replica adds to the
 * same rows: each rejected event (per minute, by eventType and source), each of its violations (by eventType, rule
 * and field pointer), a masked sample of its body per rule it broke (the latest {@code samples-per-rule} kept), and
 * each dead-lettered record (by consumer and reason, counted once per record). Recording never fails the caller: a
 * database outage costs the view some counts, never an ingest.
 */
@ApplicationScoped
public class QualityRecorder {

    private static final Logger LOG = Logger.getLogger(QualityRecorder.class);

    /** Longest body kept in a sample, in characters of its masked JSON. */
    static final int MAX_SAMPLE_CHARS = 8_192;

    private final QualityRepository repository;
    private final int samplesPerRule;

    public QualityRecorder(
            QualityRepository repository,
            @ConfigProperty(name = "newsmell.quality.samples-per-rule", defaultValue = "20") int samplesPerRule) {
        this.repository = repository;
        this.samplesPerRule = samplesPerRule;
    }

    /** One rejected event of a request received at {@code at}: its body (may be null) and its violations. */
    public record Rejection(JsonNode body, List<Violation> violations) {}

    /** Records the rejected events; completes (with nothing) even when the database fails. */
    public Uni<Void> rejected(List<Rejection> rejections, Instant at, String source) {
        if (rejections.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        List<String[]> samples = new ArrayList<>();
        for (Rejection r : rejections) {
            String eventType = eventType(r.body());
            counts.merge(List.of("rejected", eventType, "", ""), 1L, Long::sum);
            Set<String> sampled = new LinkedHashSet<>();
            for (Violation v : r.violations()) {
                counts.merge(List.of("violation", eventType, v.rule(), field(v.pointer())), 1L, Long::sum);
                if (sampled.add(v.rule())) {
                    samples.add(new String[] {v.rule(), eventType, field(v.pointer()), body(r.body())});
                }
            }
        }
        List<QualityRepository.Increment> increments = new ArrayList<>();
        counts.forEach((k, n) -> increments.add(
                new QualityRepository.Increment(minute, k.get(0), k.get(1), k.get(2), k.get(3), source, n)));
        return Panache.withTransaction(() -> {
                    Uni<Void> chain = repository.add(increments);
                    for (String[] sample : samples) {
                        chain = chain.chain(() -> repository.sample(
                                at, sample[0], sample[1], sample[2], source, sample[3], samplesPerRule));
                    }
                    return chain;
                })
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf("data-quality view: could not record %d rejections: %s", rejections.size(), failure);
                    return null;
                })
                .replaceWithVoid();
    }

    /** Records one dead-lettered record (once per partition and offset). */
    public Uni<Void> deadLettered(
            int partition, long offset, Instant at, String consumer, String reason, String eventType) {
        return Panache.withTransaction(
                () -> repository.deadLettered(partition, offset, at, consumer, reason, eventType));
    }

    /** The contract's event type a body names, or '' when it names none or an unknown one (bounded cardinality). */
    static String eventType(JsonNode body) {
        JsonNode t = body == null ? null : body.get("eventType");
        return t != null
                        && t.isTextual()
                        && InteractionEventType.fromName(t.textValue()).isPresent()
                ? t.textValue()
                : "";
    }

    /** The field a violation names: its pointer without a batch's /events/{index} prefix, at most 128 characters. */
    static String field(String pointer) {
        String field = pointer.replaceFirst("^/events/\\d+", "");
        return field.length() <= 128 ? field : field.substring(0, 128);
    }

    static String body(JsonNode body) {
        if (body == null) {
            return "null";
        }
        String masked = SampleMasking.mask(body).toString();
        return masked.length() <= MAX_SAMPLE_CHARS ? masked : masked.substring(0, MAX_SAMPLE_CHARS) + "...(truncated)";
    }
}
