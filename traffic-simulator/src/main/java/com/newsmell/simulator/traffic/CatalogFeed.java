package com.newsmell.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.PerfumeCatalogEntry.Concentration;
import com.newsmell.contract.PerfumeCatalogEntry.Note;
import com.newsmell.contract.PerfumeCatalogEntry.NoteCategory;
import com.newsmell.contract.PerfumeCatalogEntry.NoteLayer;
import com.newsmell.contract.PerfumeCatalogEntry.Price;
import com.newsmell.simulator.world.Catalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Publishes the simulated world's catalog (its perfumes, with their houses and notes) through the collector's {@code
 * POST /v1/catalog/perfumes:batch} (issue #11), in batches of {@value #BATCH}, before any traffic. A 503 or a
 * connection error is retried (the entries are the same, so a retry is idempotent).
 */
public final class CatalogFeed {

    /** Path of the catalog's batch endpoint. */
    public static final String BATCH_PATH = "/v1/catalog/perfumes:batch";

    /** Perfumes per request: the collector's limit. */
    public static final int BATCH = 1000;

    /** The version of the simulated catalog's entries: the world is generated the same every time. */
    public static final long VERSION = 1;

    /** What was published: accepted and rejected by the collector, failed (not delivered), a few errors. */
    public record Outcome(int accepted, int rejected, int failed, List<String> errors) {}

    private final CollectorClient collector;

    /** Publishes through the collector client's transport (its timeouts, retries and back-off). */
    public CatalogFeed(CollectorClient collector) {
        this.collector = collector;
    }

    public URI endpoint() {
        return collector.endpoint(BATCH_PATH);
    }

    /** The catalog's perfumes as catalog entries, prices in EUR (the simulated world's currency). */
    public static List<PerfumeCatalogEntry> entries(Catalog catalog) {
        List<PerfumeCatalogEntry> entries = new ArrayList<>();
        for (Catalog.Perfume p : catalog.perfumes()) {
            List<Note> notes = new ArrayList<>();
            for (Catalog.Layer layer : Catalog.Layer.values()) {
                for (String noteId : p.notes(layer)) {
                    Catalog.Note note = catalog.note(noteId);
                    notes.add(new Note(
                            note.id(),
                            note.name(),
                            layer(layer),
                            NoteCategory.valueOf(note.family().toUpperCase(Locale.ROOT))));
                }
            }
            entries.add(new PerfumeCatalogEntry(
                    p.id(),
                    p.name(),
                    p.houseId(),
                    catalog.house(p.houseId()).name(),
                    notes,
                    p.type(),
                    concentration(p.type()),
                    p.year(),
                    new Price(BigDecimal.valueOf(p.price()).setScale(2, RoundingMode.HALF_UP), "EUR"),
                    null,
                    VERSION));
        }
        return entries;
    }

    /** The pyramid's opening notes are the catalog's {@code top}. */
    static NoteLayer layer(Catalog.Layer layer) {
        return switch (layer) {
            case OPEN -> NoteLayer.TOP;
            case HEART -> NoteLayer.HEART;
            case BASE -> NoteLayer.BASE;
        };
    }

    static Concentration concentration(String type) {
        return switch (type) {
            case "Extrait de Parfum" -> Concentration.EXTRAIT_DE_PARFUM;
            case "Parfum" -> Concentration.PARFUM;
            case "Eau de Parfum" -> Concentration.EAU_DE_PARFUM;
            case "Eau de Toilette" -> Concentration.EAU_DE_TOILETTE;
            case "Eau de Cologne" -> Concentration.EAU_DE_COLOGNE;
            default -> throw new IllegalArgumentException("no concentration for the type " + type);
        };
    }

    /** Publishes every entry, batch by batch; the outcome counts what the collector accepted and rejected. */
    public Outcome publish(List<PerfumeCatalogEntry> entries) {
        int accepted = 0;
        int rejected = 0;
        int failed = 0;
        List<String> errors = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<PerfumeCatalogEntry> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode perfumes = body.putArray("perfumes");
            batch.forEach(e -> perfumes.add(e.toJsonNode()));
            Outcome outcome = send(body.toString(), batch.size());
            accepted += outcome.accepted();
            rejected += outcome.rejected();
            failed += outcome.failed();
            errors.addAll(outcome.errors());
        }
        return new Outcome(accepted, rejected, failed, errors);
    }

    private Outcome send(String body, int n) {
        CollectorClient.Delivery d = collector.post(BATCH_PATH, () -> body.getBytes(StandardCharsets.UTF_8));
        List<String> errors = new ArrayList<>(d.errors());
        if (!d.answered()) {
            boolean refused = d.response() != null && !d.interrupted() && !CollectorClient.retryable(d.status());
            return refused ? new Outcome(0, n, 0, errors) : new Outcome(0, 0, n, errors);
        }
        try {
            JsonNode json = EventCodec.mapper().readTree(d.response().body());
            int accepted = json.path("accepted").asInt(n);
            for (JsonNode r : json.path("results")) {
                if ("rejected".equals(r.path("status").asText()) && errors.size() < 3) {
                    errors.add("perfume " + r.path("index").asInt() + ": " + r.path("errors"));
                }
            }
            return new Outcome(accepted, n - accepted, 0, errors);
        } catch (IOException e) {
            return new Outcome(n, 0, 0, errors);
        }
    }
}
