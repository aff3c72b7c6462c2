package com.newsmell.deployment;

import static com.newsmell.deployment.Yamls.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The fields a custom resource's documentation lists, as a tree (a test resource such as
 * schemas/cloudnative-pg-fields.yaml, whose header explains the notation): an object may hold only the listed fields,
 * with the listed shape. Used where no schema or model class can be had offline.
 */
final class FieldTree {

    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata", "spec");

    private final Map<String, String> kinds;
    private final Map<String, Map<String, Object>> types;

    private FieldTree(Map<String, String> kinds, Map<String, Map<String, Object>> types) {
        this.kinds = kinds;
        this.types = types;
    }

    static FieldTree load(String resource) {
        try (InputStream in = FieldTree.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            Map<String, Object> root = map(Yamls.parser().load(in), resource);
            Map<String, String> kinds = new LinkedHashMap<>();
            map(root.get("kinds"), "kinds").forEach((k, v) -> kinds.put(k, Yamls.string(v)));
            Map<String, Map<String, Object>> types = new LinkedHashMap<>();
            map(root.get("types"), "types").forEach((k, v) -> types.put(k, map(v, "type " + k)));
            return new FieldTree(kinds, types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean handles(String apiVersionAndKind) {
        return kinds.containsKey(apiVersionAndKind);
    }

    /**
     * The problems of one object (its metadata is left to the caller); {@code core} checks a {@code k8s:<Kind>} leaf
     * and answers its problem, if any.
     */
    List<String> check(Map<String, Object> doc, BiFunction<String, Object, Optional<String>> core) {
        List<String> problems = new ArrayList<>();
        for (String field : doc.keySet()) {
            if (!TOP_LEVEL.contains(field)) {
                problems.add("unknown field " + field);
            }
        }
        String specType = kinds.get(doc.get("apiVersion") + " " + doc.get("kind"));
        if (doc.containsKey("spec")) {
            walk(doc.get("spec"), specType, "spec", core, problems);
        }
        return problems;
    }

    private void walk(
            Object value,
            String type,
            String path,
            BiFunction<String, Object, Optional<String>> core,
            List<String> problems) {
        if (value == null) {
            return;
        }
        if (type.endsWith("[]")) {
            if (!(value instanceof List<?> list)) {
                problems.add(path + " must be a list");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), type.substring(0, type.length() - 2), path + "[" + i + "]", core, problems);
            }
        } else if (type.equals("scalar")) {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(path + " must be a string, number or boolean");
            }
        } else if (type.equals("map")) {
            if (!(value instanceof Map<?, ?> m)
                    || m.values().stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
                problems.add(path + " must map strings to strings, numbers or booleans");
            }
        } else if (type.startsWith("k8s:")) {
            String kind = type.substring(4);
            if (!kind.equals("any")) {
                core.apply(kind, value).ifPresent(p -> problems.add(path + ": " + p));
            }
        } else {
            Map<String, Object> fields = types.get(type);
            if (fields == null) {
                problems.add(path + ": the field tree has no type " + type);
            } else if (!(value instanceof Map<?, ?> object)) {
                problems.add(path + " must be an object (" + type + ")");
            } else {
                object.forEach((key, child) -> {
                    Object childType = fields.get(Yamls.string(key));
                    if (childType == null) {
                        problems.add(
                                "unknown field " + path + "." + key + " (" + type + " has " + fields.keySet() + ")");
                    } else {
                        walk(child, Yamls.string(childType), path + "." + key, core, problems);
                    }
                });
            }
        }
    }
}
