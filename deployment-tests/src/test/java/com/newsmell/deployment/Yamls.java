package com.newsmell.deployment;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Small helpers to walk parsed YAML (maps, lists and scalars) with readable failure messages. */
final class Yamls {

    private Yamls() {}

    static Yaml parser() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : parser().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc, "YAML document"));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertNotNull(value, what + " is missing");
        assertInstanceOf(Map.class, value, what + " is not a mapping");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        assertNotNull(value, what + " is missing");
        assertInstanceOf(List.class, value, what + " is not a list");
        return (List<Object>) value;
    }

    /** Follows a dotted path of map keys, e.g. {@code at(doc, "spec.template.spec")}. */
    static Object at(Map<String, Object> root, String path) {
        Object current = root;
        StringBuilder seen = new StringBuilder();
        for (String key : path.split("\\.")) {
            seen.append(seen.isEmpty() ? "" : ".").append(key);
            current = map(current, "parent of " + seen).get(key);
            assertNotNull(current, seen + " is missing");
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String path) {
        return map(at(root, path), path);
    }

    static List<Object> listAt(Map<String, Object> root, String path) {
        return list(at(root, path), path);
    }

    static String string(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
