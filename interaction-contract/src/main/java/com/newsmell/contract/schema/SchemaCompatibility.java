package com.newsmell.contract.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a schema changed from one version to the next, as ADR 0040 classifies it: every change is an {@link
 * Kind#ADDITION} (a new optional property), a {@link Kind#REVISION} (an existing constraint loosened: more types or
 * values, a wider bound, a field no longer required) or {@link Kind#BREAKING} (anything that may refuse an event the
 * old version accepted: the BACKWARD rule of a schema registry). Annotations (title, description, examples,
 * {@code $comment}) are no change. Conservative: a keyword it cannot reason about must be unchanged. Pure.
 */
public final class SchemaCompatibility {

    /** The kinds of change, in increasing order of the bump they need. */
    public enum Kind {
        ADDITION,
        REVISION,
        BREAKING
    }

    /** One change at a JSON pointer into the schema. */
    public record Change(Kind kind, String pointer, String what) {
        @Override
        public String toString() {
            return kind + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + what;
        }
    }

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "default");
    private static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems");
    private static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems");
    private static final Set<String> SUBSCHEMAS = Set.of("items", "additionalProperties", "propertyNames");
    /** Keywords that constrain strings only: adding one with the string type itself refuses no earlier value. */
    private static final Set<String> STRING_KEYWORDS = Set.of("pattern", "format", "minLength", "maxLength");

    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();

    private SchemaCompatibility() {}

    /** The changes from {@code before} to {@code after}; empty when they validate the same. */
    public static List<Change> changes(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        compare(before, after, "", out);
        return out;
    }

    /** The largest kind among {@code changes}; empty when there is none. */
    public static Optional<Kind> worst(List<Change> changes) {
        return changes.stream().map(Change::kind).max(Enum::compareTo);
    }

    /**
     * The smallest version after {@code before} that a change of {@code kind} needs: the next addition, the next
     * revision, or the next model.
     */
    public static SchemaVer required(SchemaVer before, Kind kind) {
        return switch (kind) {
            case ADDITION -> before.nextAddition();
            case REVISION -> before.nextRevision();
            case BREAKING -> new SchemaVer(before.model() + 1, 0, 0);
        };
    }

    /** Whether {@code after} is a version bump at least as large as {@code kind} needs from {@code before}. */
    public static boolean bumpSuffices(SchemaVer before, SchemaVer after, Kind kind) {
        return switch (kind) {
            case ADDITION -> after.compareTo(before) > 0;
            case REVISION ->
                after.model() > before.model()
                        || (after.model() == before.model() && after.revision() > before.revision());
            case BREAKING -> after.model() > before.model();
        };
    }

    /** The schema without its annotations, at every depth: what a released version freezes. */
    public static JsonNode withoutAnnotations(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            ANNOTATIONS.forEach(o::remove);
            o.forEach(SchemaCompatibility::strip);
        } else if (node.isArray()) {
            node.forEach(SchemaCompatibility::strip);
        }
    }

    private static void compare(JsonNode before, JsonNode after, String pointer, List<Change> out) {
        if (!before.isObject() || !after.isObject()) {
            if (!withoutAnnotations(before).equals(withoutAnnotations(after))) {
                out.add(new Change(Kind.BREAKING, pointer, "changed"));
            }
            return;
        }
        Set<String> keys = new HashSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        keys.removeAll(ANNOTATIONS);
        keys.remove("$id"); // each version's own identifier: two versions of a schema always differ in it
        for (String key : keys.stream().sorted().toList()) {
            JsonNode b = before.get(key);
            JsonNode a = after.get(key);
            String p = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (b != null && a != null && withoutAnnotations(b).equals(withoutAnnotations(a))) {
                continue; // the same, or annotations only
            }
            switch (key) {
                case "properties" -> properties(b, a, p, out);
                case "$defs" -> definitions(b, a, p, out);
                case "required" -> required(b, a, p, out);
                case "type", "enum" -> values(key, b, a, p, out);
                case "$ref" -> reference(b, a, p, out);
                default -> {
                    if (b == null && STRING_KEYWORDS.contains(key) && admitsStringsNewly(before, after)) {
                        out.add(new Change(Kind.REVISION, p, "'" + key + "' added with the string type"));
                    } else if (LOWER_BOUNDS.contains(key)) {
                        bound(b, a, true, p, out);
                    } else if (UPPER_BOUNDS.contains(key)) {
                        bound(b, a, false, p, out);
                    } else if (SUBSCHEMAS.contains(key) && b != null && a != null) {
                        compare(b, a, p, out);
                    } else if (a == null && !key.equals("allOf") && !key.equals("anyOf") && !key.equals("oneOf")) {
                        out.add(new Change(Kind.REVISION, p, "'" + key + "' removed"));
                    } else {
                        out.add(new Change(Kind.BREAKING, p, "'" + key + "' " + (b == null ? "added" : "changed")));
                    }
                }
            }
        }
    }

    private static void properties(JsonNode before, JsonNode after, String pointer, List<Change> out) {
        JsonNode b = before == null ? EMPTY : before;
        JsonNode a = after == null ? EMPTY : after;
        b.fieldNames().forEachRemaining(name -> {
            String p = pointer + "/" + name;
            if (a.has(name)) {
                compare(b.get(name), a.get(name), p, out);
            } else {
                out.add(new Change(Kind.REVISION, p, "property no longer described"));
            }
        });
        a.fieldNames().forEachRemaining(name -> {
            if (!b.has(name)) {
                out.add(new Change(Kind.ADDITION, pointer + "/" + name, "new optional property"));
            }
        });
    }

    private static void definitions(JsonNode before, JsonNode after, String pointer, List<Change> out) {
        if (before == null || after == null) {
            out.add(new Change(Kind.BREAKING, pointer, "$defs " + (before == null ? "added" : "removed")));
            return;
        }
        before.fieldNames().forEachRemaining(name -> {
            if (after.has(name)) {
                compare(before.get(name), after.get(name), pointer + "/" + name, out);
            } else {
                out.add(new Change(Kind.BREAKING, pointer + "/" + name, "definition removed"));
            }
        });
    }

    private static void required(JsonNode before, JsonNode after, String pointer, List<Change> out) {
        Set<String> b = strings(before);
        Set<String> a = strings(after);
        for (String name : a) {
            if (!b.contains(name)) {
                out.add(new Change(Kind.BREAKING, pointer, "'" + name + "' now required"));
            }
        }
        for (String name : b) {
            if (!a.contains(name)) {
                out.add(new Change(Kind.REVISION, pointer, "'" + name + "' no longer required"));
            }
        }
    }

    /** Whether {@code before} admitted no string (a {@code type} without "string") and {@code after} does. */
    private static boolean admitsStringsNewly(JsonNode before, JsonNode after) {
        JsonNode b = before.get("type");
        JsonNode a = after.get("type");
        return b != null
                && a != null
                && !set(b).contains(TextNode.valueOf("string"))
                && set(a).contains(TextNode.valueOf("string"));
    }

    private static void values(String key, JsonNode before, JsonNode after, String pointer, List<Change> out) {
        if (after == null) {
            out.add(new Change(Kind.REVISION, pointer, "'" + key + "' removed"));
            return;
        }
        if (before == null) {
            out.add(new Change(Kind.BREAKING, pointer, "'" + key + "' added"));
            return;
        }
        Set<JsonNode> b = set(before);
        Set<JsonNode> a = set(after);
        if (!a.containsAll(b)) {
            out.add(new Change(Kind.BREAKING, pointer, "'" + key + "' narrowed"));
        } else if (a.size() > b.size()) {
            out.add(new Change(Kind.REVISION, pointer, "'" + key + "' widened"));
        }
    }

    private static void reference(JsonNode before, JsonNode after, String pointer, List<Change> out) {
        if (before != null && after != null) {
            Optional<String[]> b = versioned(before.asText());
            Optional<String[]> a = versioned(after.asText());
            if (b.isPresent() && a.isPresent() && b.get()[0].equals(a.get()[0])) {
                SchemaVer vb = SchemaVer.parse(b.get()[1]).orElseThrow();
                SchemaVer va = SchemaVer.parse(a.get()[1]).orElseThrow();
                if (va.model() == vb.model() && va.compareTo(vb) > 0) {
                    // The referenced schema's own step is checked on its own (within a model: never breaking).
                    out.add(new Change(
                            Kind.REVISION, pointer, "references " + a.get()[0] + " " + va + " (was " + vb + ")"));
                    return;
                }
            }
        }
        out.add(new Change(
                Kind.BREAKING, pointer, "$ref " + (before == null ? "added" : after == null ? "removed" : "changed")));
    }

    /** {name, version} of one of the contract's schema ids. */
    private static Optional<String[]> versioned(String id) {
        if (!id.startsWith(EventSchemas.BASE)) {
            return Optional.empty();
        }
        String[] parts = id.substring(EventSchemas.BASE.length()).split("/jsonschema/");
        return parts.length == 2 && SchemaVer.parse(parts[1]).isPresent() ? Optional.of(parts) : Optional.empty();
    }

    private static void bound(JsonNode before, JsonNode after, boolean lower, String pointer, List<Change> out) {
        if (after == null) {
            out.add(new Change(Kind.REVISION, pointer, "bound removed"));
        } else if (before == null) {
            out.add(new Change(Kind.BREAKING, pointer, "bound added"));
        } else {
            int c = after.decimalValue().compareTo(before.decimalValue());
            boolean looser = lower ? c < 0 : c > 0;
            out.add(
                    looser
                            ? new Change(Kind.REVISION, pointer, "bound loosened")
                            : new Change(Kind.BREAKING, pointer, "bound tightened"));
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> s = new HashSet<>();
        if (array != null) {
            array.forEach(n -> s.add(n.asText()));
        }
        return s;
    }

    private static Set<JsonNode> set(JsonNode node) {
        Set<JsonNode> s = new HashSet<>();
        if (node.isArray()) {
            node.forEach(s::add);
        } else {
            s.add(node);
        }
        return s;
    }
}
