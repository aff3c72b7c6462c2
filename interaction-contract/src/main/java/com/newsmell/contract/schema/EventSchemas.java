package com.newsmell.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published JSON Schemas (2020-12) of the event contract (ADR 0040): the envelope and one schema per event type,
 * each in every version published, read from this module's resources ({@link #RESOURCE_ROOT}{@code
 * <name>/jsonschema/<M-R-A>.json}, listed by {@code index.json}). A schema's {@code $id} is {@link #BASE}{@code
 * <name>/jsonschema/<M-R-A>}. Thread-safe; the files are read once.
 */
public final class EventSchemas {

    /** Reads the schema files as JSON trees (no event codec settings needed: schemas are plain JSON). */
    private static final ObjectMapper SCHEMA_READER = new ObjectMapper();

    /** The prefix of every schema's {@code $id}. */
    public static final String BASE = "https://schemas.newsmell.example/interaction/";

    /** The classpath folder of the schema files. */
    public static final String RESOURCE_ROOT = "com/newsmell/contract/schemas/interaction/";

    /** The name of the envelope's schema (the other names are event types). */
    public static final String ENVELOPE = "envelope";

    private static final EventSchemas INSTANCE = load();

    private final Map<String, List<SchemaVer>> versions;

    private EventSchemas(Map<String, List<SchemaVer>> versions) {
        this.versions = versions;
    }

    /** The schemas of this module's resources. */
    public static EventSchemas published() {
        return INSTANCE;
    }

    /** Every schema name (the envelope first, then the event types in the contract's order). */
    public List<String> names() {
        return List.copyOf(versions.keySet());
    }

    /** The published versions of {@code name}, oldest first; empty for an unknown name. */
    public List<SchemaVer> versions(String name) {
        return versions.getOrDefault(name, List.of());
    }

    /** The newest version of {@code name}. */
    public Optional<SchemaVer> current(String name) {
        List<SchemaVer> v = versions(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** The schema document of {@code name} at {@code version}; empty when not published. */
    public Optional<ObjectNode> schema(String name, SchemaVer version) {
        if (!versions(name).contains(version)) {
            return Optional.empty();
        }
        return Optional.of(read(RESOURCE_ROOT + name + "/jsonschema/" + version + ".json"));
    }

    /** The {@code $id} of {@code name} at {@code version}. */
    public static String id(String name, SchemaVer version) {
        return BASE + name + "/jsonschema/" + version;
    }

    /** The classpath resource of an {@code $id} under {@link #BASE}; empty for another URI. */
    public static Optional<String> resourceOf(String id) {
        return id.startsWith(BASE)
                ? Optional.of(RESOURCE_ROOT + id.substring(BASE.length()) + ".json")
                : Optional.empty();
    }

    private static EventSchemas load() {
        JsonNode index = read(RESOURCE_ROOT + "index.json").path("schemas");
        Map<String, List<SchemaVer>> versions = new LinkedHashMap<>();
        for (var it = index.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<SchemaVer> list = new ArrayList<>();
            for (JsonNode v : entry.getValue()) {
                list.add(SchemaVer.parse(v.asText())
                        .orElseThrow(() -> new IllegalStateException("index.json: not a SchemaVer: " + v)));
            }
            Collections.sort(list);
            versions.put(entry.getKey(), List.copyOf(list));
        }
        return new EventSchemas(Collections.unmodifiableMap(versions));
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return (ObjectNode) SCHEMA_READER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
