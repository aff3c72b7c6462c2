package com.newsmell.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PromQL expressions of the monitoring files (issue 18): every {@code expr} of a Grafana dashboard (JSON) and
 * its templating queries, and every {@code expr} of a PrometheusRule (YAML, one or more documents).
 */
final class MonitoringFiles {

    /** One expression and where it is. */
    record Expression(Path file, String where, String promql) {}

    /** What one file holds: its expressions, and whether it is a dashboard or rule file that must have some. */
    record FileExpressions(Path file, boolean mustHaveExpressions, List<Expression> expressions) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoringFiles() {}

    /** Every *.json, *.yaml and *.yml file under {@code dir} (recursively), sorted; none when it does not exist. */
    static List<Path> under(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(json|ya?ml)$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileExpressions read(Path file) {
        List<Expression> found = new ArrayList<>();
        boolean must;
        try {
            if (file.toString().endsWith(".json")) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                collect(file, dashboard, "", found);
                must = true; // a dashboard without one PromQL query shows nothing
            } else {
                must = false;
                try (MappingIterator<JsonNode> documents =
                        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    int index = 0;
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document != null
                                && "PrometheusRule".equals(document.path("kind").asText())) {
                            must = true;
                        }
                        collect(file, document, "/" + index++, found);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new FileExpressions(file, must, found);
    }

    /** Every string {@code expr}, and every templating variable's {@code query} (a string or {query: ...}). */
    private static void collect(Path file, JsonNode node, String where, List<Expression> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                String at = where + "/" + field.getKey();
                JsonNode value = field.getValue();
                if (field.getKey().equals("expr")
                        && value.isTextual()
                        && !value.asText().isBlank()) {
                    found.add(new Expression(file, at, value.asText()));
                } else if (field.getKey().equals("templating")) {
                    for (JsonNode variable : value.path("list")) {
                        if ("query".equals(variable.path("type").asText())) {
                            JsonNode query = variable.path("query");
                            String promql = query.isTextual()
                                    ? query.asText()
                                    : query.path("query").asText();
                            if (!promql.isBlank()) {
                                found.add(new Expression(
                                        file, at + "/" + variable.path("name").asText(), promql));
                            }
                        }
                    }
                } else {
                    collect(file, value, at, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(file, node.get(i), where + "/" + i, found);
            }
        }
    }
}
