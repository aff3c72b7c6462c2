package com.newsmell.deployment;

import static com.newsmell.deployment.Yamls.at;
import static com.newsmell.deployment.Yamls.listAt;
import static com.newsmell.deployment.Yamls.map;
import static com.newsmell.deployment.Yamls.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * k8s/monitoring/: the alerts and the dashboard read only the metrics listed in metrics.txt (which a test against the
 * running services checks), every listed metric is read, and every alert has its runbook in docs/operations.md.
 */
class MonitoringTest {

    private static final Path MONITORING = Service.repoRoot().resolve("k8s/monitoring");

    /** Words of PromQL that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");

    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

    @Test
    void alertsAndDashboardReadExactlyTheListedMetrics() throws IOException {
        Map<String, String> listed = listedMetrics();
        Map<String, Set<String>> readBy = new TreeMap<>();
        alertExpressions()
                .forEach((alert, expr) -> metricsIn(expr)
                        .forEach(name -> readBy.computeIfAbsent(name, n -> new TreeSet<>())
                                .add("alert " + alert)));
        dashboardExpressions()
                .forEach((panel, expr) -> metricsIn(expr)
                        .forEach(name -> readBy.computeIfAbsent(name, n -> new TreeSet<>())
                                .add("panel " + panel)));

        Set<String> unlisted = new TreeSet<>(readBy.keySet());
        unlisted.removeAll(listed.keySet());
        assertEquals(Set.of(), unlisted, "metrics read but not in k8s/monitoring/metrics.txt: " + readBy);
        Set<String> unread = new TreeSet<>(listed.keySet());
        unread.removeAll(readBy.keySet());
        assertEquals(Set.of(), unread, "metrics.txt lists metrics that no alert or panel reads");
    }

    @Test
    void listedMetricsFollowPrometheusConventions() throws IOException {
        listedMetrics().forEach((name, exporter) -> {
            assertTrue(
                    Set.of("services", "kube-state-metrics", "prometheus").contains(exporter), name + " " + exporter);
            assertTrue(name.matches("[a-z_][a-z0-9_]*"), name + " is snake_case");
            if (name.startsWith("newsmell_")) {
                assertTrue(
                        name.matches(
                                ".*_(total|seconds(_bucket|_count|_sum)?|bytes|records|connections|open|active|max)"),
                        name + " ends with its unit or _total");
            }
        });
    }

    @Test
    void everyAlertHasSeverityAndARunbookSectionInOperationsDoc() throws IOException {
        String operations = Files.readString(Service.repoRoot().resolve("docs/operations.md"));
        Set<String> headings = new TreeSet<>();
        Matcher m = Pattern.compile("^#+ +(.+)$", Pattern.MULTILINE).matcher(operations);
        while (m.find()) {
            headings.add(m.group(1)
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }
        List<Map<String, Object>> rules = rules();
        assertTrue(rules.size() >= 7, "alerts: " + rules.size());
        for (Map<String, Object> rule : rules) {
            String alert = string(rule.get("alert"));
            assertTrue(
                    Set.of("warning", "critical").contains(string(at(rule, "labels.severity"))), alert + " severity");
            String runbook = string(at(rule, "annotations.runbook_url"));
            assertEquals("docs/operations.md#" + alert.toLowerCase(Locale.ROOT), runbook, alert + " runbook");
            assertTrue(headings.contains(alert.toLowerCase(Locale.ROOT)), "docs/operations.md has a section " + alert);
        }
    }

    @Test
    void dashboardCoversTheIssuesPanels() throws IOException {
        String titles = String.join(" | ", dashboardExpressions().keySet()).toLowerCase(Locale.ROOT);
        for (String topic : List.of("ingested", "rejected", "lag", "freshness p99", "job runs", "5xx", "jvm")) {
            assertTrue(titles.contains(topic), "a panel on " + topic + ": " + titles);
        }
    }

    /** The metric names one PromQL expression reads. */
    static Set<String> metricsIn(String expr) {
        String bare = STRINGS.matcher(expr).replaceAll("\"\"");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGES.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group(1);
            if (!PROMQL_WORDS.contains(word) && !word.matches("\\d.*")) {
                names.add(word);
            }
        }
        return names;
    }

    private static Map<String, String> listedMetrics() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(MONITORING.resolve("metrics.txt"))) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+");
                listed.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return listed;
    }

    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> rule = Yamls.loadAll(Files.readString(MONITORING.resolve("prometheus-rules.yaml")))
                .get(0);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : listAt(rule, "spec.groups")) {
            listAt(map(group, "group"), "rules").forEach(r -> rules.add(map(r, "rule")));
        }
        return rules;
    }

    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, String> exprs = new TreeMap<>();
        for (Map<String, Object> rule : rules()) {
            exprs.put(string(rule.get("alert")), string(rule.get("expr")));
        }
        return exprs;
    }

    /** Panel title (with the target's refId) -> PromQL expression. */
    private static Map<String, String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper()
                .readTree(MONITORING.resolve("newsmell-dashboard.json").toFile());
        Map<String, String> exprs = new TreeMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.put(
                        panel.path("title").asText() + " "
                                + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        JsonNode variables = dashboard.path("templating").path("list");
        for (JsonNode variable : variables) {
            if (variable.path("type").asText().equals("query")) {
                exprs.put(
                        "variable " + variable.path("name").asText(),
                        variable.path("definition").asText().replaceAll("label_values\\((\\w+),.*\\)", "$1"));
            }
        }
        return exprs;
    }

    @Test
    void metricNamesAreFoundInPromQl() {
        assertEquals(
                Set.of("http_server_requests_seconds_count"),
                metricsIn("sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) > 0.01"));
        assertEquals(
                Set.of("a_total", "b_seconds_bucket"),
                metricsIn(
                        "histogram_quantile(0.99, sum by (le) (rate(b_seconds_bucket[5m]))) > 3 * a_total offset 1d"));
    }
}
