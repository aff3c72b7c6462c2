package com.newsmell.collector.ingest;

import com.newsmell.collector.config.CollectorConfig;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.contract.Violation;
import com.newsmell.contract.schema.SchemaVer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How long a superseded model's submissions are accepted (ADR 0040): each superseded model has a configured
 * window, {@code newsmell.collector.schemas.superseded.<model>.deprecated} to {@code .sunset}. Inside it an event
 * written against that model is accepted and the answer carries {@code Deprecation} and {@code Sunset} headers;
 * from the sunset on it is refused with rule {@code range} on {@code /schemaVersion}. An event naming no version, or
 * the current model, is never affected.
 */
public final class SchemaAcceptance {

    /** A superseded model's window. */
    public record Window(int model, Instant deprecated, Instant sunset) {

        /** {@code Deprecation} (RFC 9745): {@code @} and the deprecation's Unix time in seconds. */
        public String deprecationHeader() {
            return "@" + deprecated.getEpochSecond();
        }

        /** {@code Sunset} (RFC 8594): an HTTP-date. */
        public String sunsetHeader() {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(sunset.atOffset(ZoneOffset.UTC));
        }
    }

    private final Map<Integer, Window> windows;

    public SchemaAcceptance(Map<Integer, Window> windows) {
        this.windows = new TreeMap<>(windows);
    }

    static SchemaAcceptance of(CollectorConfig config) {
        Map<Integer, Window> windows = new TreeMap<>();
        config.schemas().superseded().forEach((model, w) -> {
            int m = Integer.parseInt(model);
            if (m >= UserInteractionEvent.CURRENT_SCHEMA_VERSION || !w.sunset().isAfter(w.deprecated())) {
                throw new IllegalArgumentException("newsmell.collector.schemas.superseded." + model
                        + ": only a model before " + UserInteractionEvent.CURRENT_SCHEMA_VERSION
                        + " is superseded, and its sunset comes after its deprecation");
            }
            windows.put(m, new Window(m, w.deprecated(), w.sunset()));
        });
        return new SchemaAcceptance(windows);
    }

    /** The model a sent schemaVersion names ({@code "2-1-0"} or {@code "1"}); empty when none was sent. */
    static Optional<Integer> model(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        if (sent.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(sent));
        }
        return SchemaVer.parse(sent).map(SchemaVer::model);
    }

    /** The window of the superseded model the event was written against, while {@code at} is inside it. */
    public Optional<Window> deprecated(String sent, Instant at) {
        return model(sent).map(windows::get).filter(w -> !at.isBefore(w.deprecated()) && at.isBefore(w.sunset()));
    }

    /** A {@code range} violation on {@code /schemaVersion} once the model's sunset has passed. */
    public List<Violation> check(String sent, Instant at) {
        Window w = model(sent).map(windows::get).orElse(null);
        if (w == null || at.isBefore(w.sunset())) {
            return List.of();
        }
        return List.of(new Violation(
                "/schemaVersion",
                Violation.RULE_RANGE,
                "schemaVersion " + sent + " names model " + w.model() + ", superseded by model "
                        + UserInteractionEvent.CURRENT_SCHEMA_VERSION + " and no longer accepted since " + w.sunset()
                        + " (its acceptance window, newsmell.collector.schemas.superseded." + w.model()
                        + ".sunset, ADR 0040); write the event against model "
                        + UserInteractionEvent.CURRENT_SCHEMA_VERSION + " (GET /v1/schemas)."));
    }
}
