package com.newsmell.collector.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.collector.config.CatalogConfig;
import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.collector.ingest.KafkaUnavailable;
import com.newsmell.collector.ingest.RequestBodyReader;
import com.newsmell.contract.Limits;
import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.PerfumeCatalogParser;
import com.newsmell.contract.StorableText;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The perfume catalog feed (ADR 0016): validates entries strictly ({@link PerfumeCatalogParser}), converts their price
 * into the base currency ({@link CatalogPrices}) and publishes them to the compacted catalog topic. A request is
 * answered only once Kafka has acknowledged every write; if Kafka cannot take it, 503 with Retry-After.
 */
@ApplicationScoped
public class CatalogService {

    private static final Logger LOG = Logger.getLogger(CatalogService.class);

    private final CatalogConfig config;
    private final CollectorConfig collector;
    private final CatalogPrices prices;
    private final CatalogPublisher publisher;
    private final MeterRegistry meters;

    public CatalogService(
            CatalogConfig config, CollectorConfig collector, CatalogPublisher publisher, MeterRegistry meters) {
        this.config = config;
        this.collector = collector;
        this.prices = new CatalogPrices(config.baseCurrency(), config.rates());
        this.publisher = publisher;
        this.meters = meters;
    }

    /** One perfume, whose body's perfumeId must be the path's. */
    public Uni<PerfumeCatalogEntry> put(String perfumeId, byte[] body) {
        checkPathId(perfumeId);
        JsonNode node = RequestBodyReader.read(body, config.maxBatchBytes());
        Validated validated = validate(node, "");
        List<Violation> violations = new ArrayList<>(validated.violations());
        JsonNode bodyId = node.path("perfumeId");
        if (bodyId.isTextual() && !bodyId.textValue().equals(perfumeId)) {
            violations.add(
                    new Violation("/perfumeId", Violation.RULE_MISMATCH, "'perfumeId' must be the path's perfumeId"));
        }
        if (!violations.isEmpty()) {
            count("rejected", 1);
            throw new ProblemException(Problem.invalid("The perfume is invalid.", violations));
        }
        return publisher
                .publish(validated.entry())
                .onFailure()
                .transform(this::unavailable)
                .map(ignored -> {
                    count("accepted", 1);
                    return validated.entry();
                });
    }

    /** Up to max-batch-perfumes perfumes as {@code {"perfumes": [...]}}: valid ones are published, each answered. */
    public Uni<CatalogBatchResult> batch(byte[] body) {
        JsonNode node = RequestBodyReader.read(body, config.maxBatchBytes());
        JsonNode perfumes = perfumes(node);
        List<Validated> validated = new ArrayList<>();
        for (int i = 0; i < perfumes.size(); i++) {
            validated.add(validate(perfumes.get(i), "/perfumes/" + i));
        }
        if (validated.stream().allMatch(v -> v.entry() == null)) {
            count("rejected", validated.size());
            throw new ProblemException(Problem.invalid(
                    "No perfume of the batch is valid.",
                    validated.stream().flatMap(v -> v.violations().stream()).toList()));
        }
        List<Uni<Void>> writes = new ArrayList<>();
        List<CatalogBatchResult.Item> items = new ArrayList<>();
        for (int i = 0; i < validated.size(); i++) {
            Validated v = validated.get(i);
            if (v.entry() != null) {
                writes.add(publisher.publish(v.entry()));
            }
            items.add(new CatalogBatchResult.Item(i, v.entry(), v.violations()));
        }
        CatalogBatchResult result = new CatalogBatchResult(items);
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

    /** A perfume's tombstone. */
    public Uni<Void> delete(String perfumeId) {
        checkPathId(perfumeId);
        return publisher
                .delete(perfumeId)
                .onFailure()
                .transform(this::unavailable)
                .invoke(() -> count("deleted", 1));
    }

    private JsonNode perfumes(JsonNode body) {
        if (!body.isObject()) {
            throw new ProblemException(
                    Problem.invalidParameter("", "type", "The body must be an object {\"perfumes\": [...]}."));
        }
        List<Violation> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(field -> {
            if (!field.equals("perfumes")) {
                unknown.add(new Violation(
                        "/" + Violation.escape(field), Violation.RULE_UNKNOWN, "The body holds only perfumes."));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProblemException(Problem.invalid("The batch has unknown fields.", unknown));
        }
        JsonNode perfumes = body.get("perfumes");
        if (perfumes == null || perfumes.isNull()) {
            throw new ProblemException(Problem.invalidParameter("/perfumes", "required", "perfumes is required."));
        }
        if (!perfumes.isArray()) {
            throw new ProblemException(Problem.invalidParameter("/perfumes", "type", "perfumes must be an array."));
        }
        if (perfumes.isEmpty()) {
            throw new ProblemException(
                    Problem.invalidParameter("/perfumes", "min-items", "perfumes must not be empty."));
        }
        if (perfumes.size() > config.maxBatchPerfumes()) {
            throw new ProblemException(Problem.invalidParameter(
                    "/perfumes", "max-items", "A batch holds at most " + config.maxBatchPerfumes() + " perfumes."));
        }
        return perfumes;
    }

    private Validated validate(JsonNode node, String prefix) {
        PerfumeCatalogParser.Result parsed = PerfumeCatalogParser.parse(node);
        CatalogPrices.Converted converted = parsed.valid() ? prices.convert(parsed.entry()) : null;
        List<Violation> violations = converted == null ? parsed.violations() : converted.violations();
        List<Violation> prefixed = violations.stream()
                .map(v -> new Violation(prefix + v.pointer(), v.rule(), v.message()))
                .toList();
        return new Validated(prefixed.isEmpty() ? converted.entry() : null, prefixed);
    }

    private static void checkPathId(String perfumeId) {
        if (perfumeId == null || perfumeId.isBlank()) {
            throw new ProblemException(Problem.invalidQuery("perfumeId", "required", "perfumeId must not be blank."));
        }
        if (perfumeId.length() > Limits.MAX_ID_LENGTH) {
            throw new ProblemException(Problem.invalidQuery(
                    "perfumeId",
                    Violation.RULE_MAX_LENGTH,
                    "perfumeId must be at most " + Limits.MAX_ID_LENGTH + " characters."));
        }
        int at = StorableText.unstorableAt(perfumeId);
        if (at >= 0) {
            throw new ProblemException(Problem.invalidQuery(
                    "perfumeId", StorableText.rule(perfumeId, at), "perfumeId cannot be stored as text."));
        }
    }

    private Throwable unavailable(Throwable failure) {
        return KafkaUnavailable.problem(meters, collector.retryAfterSeconds(), "The catalog topic", "", failure);
    }

    private void count(String outcome, long n) {
        meters.counter("newsmell.collector.catalog", "outcome", outcome).increment(n);
    }

    private record Validated(PerfumeCatalogEntry entry, List<Violation> violations) {}
}
