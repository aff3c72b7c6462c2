package com.newsmell.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evolution check of ADR 0040, a schema registry's BACKWARD rule over the released set kept in the repository
 * ({@code interaction-contract/released-schemas.json}: every released {@code $id} and its schema without
 * annotations):
 *
 * <ul>
 *   <li>a released version is never removed and never changed in place (descriptions and examples may improve);
 *   <li>a version published after another of the same name needs a bump at least as large as the change:
 *       ADDITION for new optional properties, REVISION for loosened constraints, a new MODEL for anything that may
 *       refuse an event the previous version accepted.
 * </ul>
 *
 * Pure: the schemas come in as maps from name and version.
 */
public final class SchemaReleaseCheck {

    private SchemaReleaseCheck() {}

    /** One schema version: its name, version and document. */
    public record Published(String name, SchemaVer version, JsonNode schema) {
        public String id() {
            return EventSchemas.id(name, version);
        }
    }

    /** Every problem of {@code published} against {@code released} (id → schema without annotations); empty: fine. */
    public static List<String> problems(Map<String, JsonNode> released, List<Published> published) {
        List<String> problems = new ArrayList<>();
        Map<String, Published> byId = new TreeMap<>();
        published.forEach(p -> byId.put(p.id(), p));
        for (var entry : released.entrySet()) {
            Published now = byId.get(entry.getKey());
            if (now == null) {
                problems.add(entry.getKey() + " was released and is gone: a released version stays published");
                continue;
            }
            List<SchemaCompatibility.Change> changes = SchemaCompatibility.changes(entry.getValue(), now.schema());
            if (!changes.isEmpty()) {
                SchemaCompatibility.Kind kind =
                        SchemaCompatibility.worst(changes).orElseThrow();
                problems.add(now.id() + " changed after its release (" + changes + "): publish the change as "
                        + now.name() + " " + SchemaCompatibility.required(latest(published, now.name()), kind)
                        + " and leave " + now.version() + " as released");
            }
        }
        for (Published p : published) {
            previous(published, p).ifPresent(before -> {
                if (before.version().model() != p.version().model()) {
                    return; // a new model may change anything
                }
                List<SchemaCompatibility.Change> changes = SchemaCompatibility.changes(before.schema(), p.schema());
                SchemaCompatibility.worst(changes).ifPresent(kind -> {
                    if (!SchemaCompatibility.bumpSuffices(before.version(), p.version(), kind)) {
                        problems.add(p.id() + " after " + before.version() + " is a " + kind + " change " + changes
                                + ": it needs version " + SchemaCompatibility.required(before.version(), kind)
                                + (kind == SchemaCompatibility.Kind.BREAKING ? " (a new MODEL)" : " or later"));
                    }
                });
            });
        }
        return problems;
    }

    /** The released set of {@code published}: each id and its schema without annotations. */
    public static Map<String, JsonNode> release(List<Published> published) {
        Map<String, JsonNode> out = new TreeMap<>();
        published.forEach(p -> out.put(p.id(), SchemaCompatibility.withoutAnnotations(p.schema())));
        return out;
    }

    /** Every version of every schema of {@code schemas}. */
    public static List<Published> of(EventSchemas schemas) {
        List<Published> out = new ArrayList<>();
        for (String name : schemas.names()) {
            for (SchemaVer v : schemas.versions(name)) {
                ObjectNode schema = schemas.schema(name, v).orElseThrow();
                out.add(new Published(name, v, schema));
            }
        }
        return out;
    }

    private static Optional<Published> previous(List<Published> published, Published p) {
        return published.stream()
                .filter(o -> o.name().equals(p.name()) && o.version().compareTo(p.version()) < 0)
                .max((x, y) -> x.version().compareTo(y.version()));
    }

    private static SchemaVer latest(List<Published> published, String name) {
        return published.stream()
                .filter(o -> o.name().equals(name))
                .map(Published::version)
                .max(SchemaVer::compareTo)
                .orElseThrow();
    }
}
