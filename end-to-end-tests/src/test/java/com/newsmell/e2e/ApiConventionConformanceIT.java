package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #22, "Done when": the API convention (ADR 0015), one test class run against every service: strictness,
 * ranges, paging, time zones, CSV, CORS, error shapes, instants and the OpenAPI document. Each service names one
 * list, its metrics endpoint (if it has one) and one entity path; everything else is the same for all.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("services")
class ApiConventionConformanceIT {

    /** One service's endpoints under test; {@code list} and {@code metrics} are paths with their required query. */
    record Service(
            String name,
            String list,
            boolean listBoundedByTimeAlone,
            String metrics,
            boolean comparesAndBreaksDown,
            String unknownEntity) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String WINDOW = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);
    static final Pattern INSTANT = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z\"");

    static List<Service> services() {
        return List.of(
                new Service(
                        RunningSystem.COLLECTOR,
                        "/v1/events?" + WINDOW,
                        true,
                        "/v1/events/metrics?" + WINDOW,
                        true,
                        null),
                new Service(
                        RunningSystem.SESSIONS,
                        "/v1/search/queries?" + WINDOW,
                        true,
                        "/v1/sessions/metrics?" + WINDOW,
                        true,
                        "/v1/sessions/no-such-session"),
                new Service(
                        RunningSystem.PROFILES, "/v1/profiles?" + WINDOW, false, null, false, "/v1/profiles/nobody"),
                new Service(
                        RunningSystem.PERFUME_STATS,
                        "/v1/perfumes/top?metric=views&" + WINDOW,
                        false,
                        "/v1/perfumes/{perfume}/timeseries?" + WINDOW,
                        false,
                        "/v1/perfumes/no-such-perfume/timeseries?" + WINDOW),
                new Service(
                        RunningSystem.RECOMMENDATIONS,
                        "/v1/recommendations/feedback?" + WINDOW,
                        true,
                        "/v1/recommendations/metrics?" + WINDOW,
                        true,
                        "/v1/recommendations/no-such-recommendation/feedback"));
    }

    @Parameter
    Service service;

    private static RunningSystem system;
    private static ScriptedStream stream;

    @BeforeAll
    static synchronized void startSystemWithData() {
        if (system != null) {
            return;
        }
        system = RunningSystem.shared();
        stream = new ScriptedStream();
        Http.post(system.url(RunningSystem.COLLECTOR) + "/v1/events/batch", stream.batchBody());
        // every list of the table holds at least two items before any check runs
        for (Service s : services()) {
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(
                                    Http.json(url(s, s.list())).path("items").size())
                            .as(s.name() + " " + s.list())
                            .isGreaterThanOrEqualTo(2));
            if (s.metrics() != null) {
                await().atMost(Duration.ofSeconds(90))
                        .untilAsserted(() -> assertThat(
                                        Http.get(url(s, s.metrics())).status())
                                .as(s.name() + " " + s.metrics())
                                .isEqualTo(200));
            }
        }
    }

    /** The service's URL of a path; {perfume} is a perfume of the test's data. */
    private static String url(Service s, String pathAndQuery) {
        return system.url(s.name()) + pathAndQuery.replace("{perfume}", stream.p1);
    }

    private String url(String pathAndQuery) {
        return url(service, pathAndQuery);
    }

    private List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        endpoints.add(service.list());
        if (service.metrics() != null) {
            endpoints.add(service.metrics());
        }
        return endpoints;
    }

    /** Asserts a 400 problem+json whose one error names the parameter and the rule. */
    private static void assertRule(Http.Response response, String parameter, String rule) {
        assertThat(response.status()).as(response.describe()).isEqualTo(400);
        assertProblem(response);
        JsonNode errors = response.json().path("errors");
        assertThat(errors.size()).as(response.describe()).isEqualTo(1);
        assertThat(errors.get(0).path("parameter").asText())
                .as(response.describe())
                .isEqualTo(parameter);
        assertThat(errors.get(0).path("rule").asText()).as(response.describe()).isEqualTo(rule);
    }

    private static void assertProblem(Http.Response response) {
        assertThat(response.header("Content-Type")).as(response.describe()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("type").asText()).startsWith("https://");
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(response.status());
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(body.path("instance").asText()).startsWith("/v1/");
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        for (String endpoint : endpoints()) {
            assertRule(Http.get(url(endpoint + "&houseIdd=house-008")), "houseIdd", "unknown");
        }
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        for (String endpoint : endpoints()) {
            assertRule(Http.get(url(endpoint + "&tz=UTC&tz=Europe/Berlin")), "tz", "repeated");
        }
    }

    @Test
    void limitHasOneDefaultAndOneMaximum() {
        String list = service.list();
        assertRule(Http.get(url(list + "&limit=0")), "limit", "range");
        assertRule(Http.get(url(list + "&limit=1001")), "limit", "range");
        assertRule(Http.get(url(list + "&limit=ten")), "limit", "type");
        assertThat(Http.get(url(list + "&limit=1000")).status()).isEqualTo(200);
        assertRule(Http.get(url(list + "&cursor=not-a-cursor")), "cursor", "format");
    }

    @Test
    void aCursorPagesWithoutGapsOrDuplicates() {
        JsonNode whole = Http.json(url(service.list() + "&limit=4")).path("items");
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 2; page++) {
            JsonNode body = Http.json(url(service.list() + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            body.path("items").forEach(paged::add);
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null) {
                break;
            }
        }
        assertThat(paged).as("two pages of 2 are the first 4 items").containsExactlyElementsOf(list(whole));
        assertThat(Http.json(url(service.list() + "&limit=1")).has("nextCursor"))
                .as("a page of 1 from a list of at least 2 has a next page")
                .isTrue();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void theSameRangeMistakeIsTheSameErrorEverywhere() {
        for (String endpoint : endpoints()) {
            String base = endpoint.replace(WINDOW, "");
            String sep = base.endsWith("?") || base.endsWith("&") ? "" : "&";
            assertRule(
                    Http.get(url(base + sep + "from=" + TODAY.plusDays(1) + "&to=" + TODAY.minusDays(1))),
                    "to",
                    "after-from");
            assertRule(Http.get(url(base + sep + "from=" + TODAY + "&to=" + TODAY)), "to", "after-from");
            assertRule(Http.get(url(base + sep + "from=yesterday&to=" + TODAY)), "from", "format");
            assertRule(Http.get(url(endpoint + "&tz=Mars/Olympus")), "tz", "zone");
        }
        if (service.metrics() != null) {
            String base = service.metrics().replace(WINDOW, "");
            assertRule(Http.get(url(base + "from=2020-01-01&to=" + TODAY + "&granularity=day")), "to", "max-range");
            assertRule(Http.get(url(service.metrics() + "&granularity=week")), "granularity", "enum");
        }
        if (service.listBoundedByTimeAlone()) {
            String base = service.list().replace(WINDOW, "");
            assertRule(Http.get(url(base + "from=" + TODAY.minusDays(94) + "&to=" + TODAY)), "to", "max-range");
        }
    }

    @Test
    void datesAreDaysOfTheTimeZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        String expectedFrom =
                Http.INSTANT.format(TODAY.minusDays(1).atStartOfDay(berlin).toInstant());
        for (String endpoint : endpoints()) {
            Http.Response response = Http.get(url(endpoint + "&tz=Europe/Berlin"));
            assertThat(response.status()).as(response.describe()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("from").asText()).as(response.describe()).isEqualTo(expectedFrom);
            assertThat(body.path("tz").asText()).isEqualTo("Europe/Berlin");
        }
        if (service.metrics() != null) {
            JsonNode metrics = Http.json(url(service.metrics() + "&tz=Europe/Berlin&granularity=day"));
            assertThat(metrics.path("granularity").asText()).isEqualTo("day");
            assertThat(metrics.path("buckets").size()).isEqualTo(2);
            assertThat(metrics.path("buckets").get(0).path("start").asText()).isEqualTo(expectedFrom);
            assertThat(metrics.has("totals")).isTrue();
            assertThat(metrics.has("asOf")).isTrue();
        }
    }

    @Test
    void breakdownsFiltersAndComparisonsAreChecked() {
        if (!service.comparesAndBreaksDown()) {
            return;
        }
        assertRule(Http.get(url(service.metrics() + "&breakdown=planet")), "breakdown", "enum");
        assertRule(Http.get(url(service.metrics() + "&compare=last_year")), "compare", "enum");
        assertRule(Http.get(url(service.metrics() + "&filters=planet==earth")), "filters", "enum");
        assertRule(Http.get(url(service.metrics() + "&filters=nonsense")), "filters", "format");
        JsonNode compared = Http.json(url(service.metrics() + "&compare=previous_period"));
        assertThat(compared.path("compare").path("to").asText())
                .isEqualTo(compared.path("from").asText());
        assertThat(compared.path("compare").has("totals")).isTrue();
        assertThat(compared.path("compare").path("change").size()).isPositive();
    }

    @Test
    void everyListAndMetricsEndpointExportsCsvWithAHeaderRow() {
        for (String endpoint : endpoints()) {
            Http.Response csv = Http.get(url(endpoint), Map.of("Accept", "text/csv"));
            assertThat(csv.status()).as(csv.describe()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            String[] lines = csv.body().split("\r\n");
            assertThat(lines[0]).as("header row").isNotBlank().doesNotStartWith("{");
            int columns = lines[0].split(",", -1).length;
            assertThat(columns).isGreaterThan(1);
            if (endpoint.equals(service.list())) {
                assertThat(lines.length).as("a header and at least two rows").isGreaterThanOrEqualTo(3);
            }
            Http.Response xml = Http.get(url(endpoint), Map.of("Accept", "application/xml"));
            assertThat(xml.status()).as(xml.describe()).isEqualTo(406);
            assertProblem(xml);
        }
    }

    @Test
    void aBrowserDashboardMayCallFromTheConfiguredOrigin() {
        Http.Response preflight = Http.options(
                url(service.list()), Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "GET"));
        assertThat(preflight.status()).isLessThan(300);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        Http.Response allowed = Http.get(url(service.list()), Map.of("Origin", "http://localhost:3000"));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        Http.Response other = Http.get(url(service.list()), Map.of("Origin", "https://elsewhere.example"));
        assertThat(other.header("Access-Control-Allow-Origin")).isNotEqualTo("https://elsewhere.example");
    }

    @Test
    void instantsHaveMillisecondsAndNoFieldIsNull() {
        for (String endpoint : endpoints()) {
            String body = Http.get(url(endpoint)).body();
            Matcher m = INSTANT.matcher(body);
            int instants = 0;
            while (m.find()) {
                instants++;
                assertThat(m.group(2))
                        .as("fraction of " + m.group())
                        .isNotNull()
                        .hasSize(4);
            }
            assertThat(instants).isPositive();
            assertThat(body).as("one null policy: absent, never null").doesNotContain(":null");
        }
    }

    @Test
    void anEntityNeverSeenIs404() {
        if (service.unknownEntity() == null) {
            return;
        }
        Http.Response response = Http.get(url(service.unknownEntity()));
        assertThat(response.status()).as(response.describe()).isEqualTo(404);
        assertProblem(response);
    }

    @Test
    void theOpenApiTypesEveryParameterAndDocumentsEveryError() {
        JsonNode paths = Http.json(url("/q/openapi?format=json")).path("paths");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getValue().has("responses")) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                for (String code : List.of("400", "406", "414", "500")) {
                    assertThat(responses.path(code).path("content").has("application/problem+json"))
                            .as(where + " documents " + code + " as problem+json")
                            .isTrue();
                }
                if (path.getKey().contains("{")) {
                    assertThat(responses.has("404"))
                            .as(where + " documents 404")
                            .isTrue();
                }
                for (JsonNode p : op.getValue().path("parameters")) {
                    String name = p.path("name").asText();
                    JsonNode schema = p.path("schema");
                    String what = where + " ?" + name;
                    switch (name) {
                        case "from", "to" ->
                            assertThat(schema.path("format").asText()).as(what).isEqualTo("date-time");
                        case "limit" -> {
                            assertThat(schema.path("type").asText()).as(what).isEqualTo("integer");
                            assertThat(schema.path("maximum").asInt()).as(what).isEqualTo(1000);
                        }
                        case "granularity", "breakdown", "compare" ->
                            assertThat(schema.has("enum")).as(what).isTrue();
                        default -> assertThat(p.has("description")).as(what).isTrue();
                    }
                }
            }
        }
        assertThat(operations).isPositive();
    }
}
