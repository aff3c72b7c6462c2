package com.newsmell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #22, "Done when": breakdowns, filters and period comparisons of the session and event metrics equal, exactly,
 * what the raw store (the collector's GET /v1/events) says about a generated data set: sessions from four countries
 * (and none), four devices, four sources, three entry pages, over four whole days.
 */
class BreakdownExactnessIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String UNKNOWN = "(unknown)";

    /** Four whole UTC days that end at today's midnight: the previous period, then the current one. */
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static final LocalDate CURRENT_FROM = TODAY.minusDays(2);
    private static final LocalDate PREVIOUS_FROM = TODAY.minusDays(4);

    private static final List<String> COUNTRIES = List.of("DE", "FR", "US", "");
    private static final List<String> AGENTS = List.of(
            ScriptedStream.BROWSER,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5"
                    + " Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                    + " Safari/537.36");
    private static final Map<String, String> REFERRERS = new LinkedHashMap<>();

    static {
        REFERRERS.put("", "(direct)");
        REFERRERS.put("https://www.google.com/search?q=oud", "google.com");
        REFERRERS.put("https://Instagram.com/p/rose", "instagram.com");
        REFERRERS.put("https://news.example.org/a/b", "news.example.org");
    }

    /** This run's marker: its session ids end with it, and its entry pages carry it. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /**
     * This run's entry pages: no other session of the shared system starts on one, so a session breakdown filtered to
     * them counts this run's sessions only, whatever else (the traffic simulator of another test) the days hold.
     */
    private static final List<String> ENTRY_PAGES =
            List.of("/exact-" + RUN, "/exact-" + RUN + "/search", "/houses/h1-" + RUN);

    private static RunningSystem system;
    private static List<JsonNode> raw;

    @BeforeAll
    static void generateIngestAndReadBack() {
        system = RunningSystem.shared();
        String run = RUN;
        Random random = new Random(22);
        Map<String, ArrayNode> byCountry = new LinkedHashMap<>();
        int generated = 0;
        for (int day = 0; day < 4; day++) {
            Instant dayStart =
                    PREVIOUS_FROM.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
            int sessions = 12 + day * 3; // the two periods differ
            for (int s = 0; s < sessions; s++) {
                String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
                String agent = AGENTS.get(random.nextInt(AGENTS.size()));
                String referrer = new ArrayList<>(REFERRERS.keySet()).get(random.nextInt(REFERRERS.size()));
                String entry = ENTRY_PAGES.get(random.nextInt(ENTRY_PAGES.size()));
                String user = random.nextInt(3) == 0 ? null : "exact-u" + random.nextInt(10) + "-" + run;
                String session = "exact-s" + day + "-" + s + "-" + run;
                Instant start = dayStart.plusSeconds(random.nextInt(20 * 3600));
                int events = 1 + random.nextInt(4);
                ArrayNode batch = byCountry.computeIfAbsent(country, c -> ScriptedStream.JSON.createArrayNode());
                for (int i = 0; i < events; i++) {
                    boolean perfume = i > 0 && random.nextBoolean();
                    String type = i == 0 ? "PAGE_VIEW" : perfume ? "PERFUME_VIEW" : "WISHLIST_ADD";
                    String perfumeId = i == 0 ? null : "exact-p" + random.nextInt(5) + "-" + run;
                    ObjectNode e = batch.addObject();
                    e.put("eventId", UUID.randomUUID().toString());
                    e.put("sessionId", session);
                    if (user != null) {
                        e.put("userId", user);
                    }
                    e.put("eventType", type);
                    e.put("timestamp", start.plusSeconds(30L * i).toString());
                    e.put("path", i == 0 ? entry : "/perfumes/" + perfumeId);
                    if (perfumeId != null) {
                        e.put("perfumeId", perfumeId);
                    }
                    e.put("userAgent", agent);
                    if (!referrer.isEmpty()) {
                        e.put("referrer", referrer);
                    }
                    ObjectNode data = e.putObject("eventData");
                    if (!type.equals("WISHLIST_ADD")) {
                        data.put(
                                "deviceType",
                                agent.contains("iPad") ? "tablet" : agent.contains("iPhone") ? "mobile" : "desktop");
                    }
                    ScriptedStream.completeAsTheSeedRequires(type, data);
                    generated++;
                }
            }
        }
        for (Map.Entry<String, ArrayNode> batch : byCountry.entrySet()) {
            for (int i = 0; i < batch.getValue().size(); i += 400) {
                ObjectNode body = ScriptedStream.JSON.createObjectNode();
                ArrayNode events = body.putArray("events");
                for (int j = i; j < Math.min(i + 400, batch.getValue().size()); j++) {
                    events.add(batch.getValue().get(j));
                }
                Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
                if (!batch.getKey().isEmpty()) {
                    headers.put("CF-IPCountry", batch.getKey());
                }
                Http.Response r = Http.send(
                        "POST", system.url(RunningSystem.COLLECTOR) + "/v1/events/batch", headers, body.toString());
                assertThat(r.status()).as(r.describe()).isEqualTo(202);
                assertThat(r.json().path("rejected").asInt()).as(r.describe()).isZero();
            }
        }
        int expected = generated;
        await().atMost(WAIT).untilAsserted(() -> {
            List<JsonNode> ours = rawEvents(PREVIOUS_FROM, TODAY).stream()
                    .filter(e -> e.path("sessionId").asText().endsWith(run))
                    .toList();
            assertThat(ours).hasSize(expected);
        });
        raw = rawEvents(PREVIOUS_FROM, TODAY).stream()
                .filter(e -> !e.path("isBot").asBoolean())
                .toList();
    }

    /** Every raw event with timestamp in [from, to), through the collector's keyset-paged list. */
    private static List<JsonNode> rawEvents(LocalDate from, LocalDate to) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Http.json(system.url(RunningSystem.COLLECTOR) + "/v1/events?from=" + from + "&to=" + to
                    + "&limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(events::add);
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return events;
    }

    /** A session as the raw store tells it: its first event's context, its start, its events. */
    record RawSession(String id, Instant start, Map<String, String> dimensions, long pageViews) {}

    private static Map<String, RawSession> sessions() {
        Map<String, List<JsonNode>> bySession = raw.stream()
                .collect(Collectors.groupingBy(e -> e.path("sessionId").asText(), TreeMap::new, Collectors.toList()));
        Map<String, RawSession> sessions = new TreeMap<>();
        bySession.forEach((id, events) -> {
            List<JsonNode> ordered = events.stream()
                    .sorted(Comparator.comparing((JsonNode e) ->
                                    Instant.parse(e.path("timestamp").asText()))
                            .thenComparing(e -> e.path("eventId").asText()))
                    .toList();
            Map<String, String> d = new HashMap<>();
            d.put("country", first(ordered, "location"));
            d.put("deviceType", first(ordered, "deviceType"));
            d.put("browser", first(ordered, "browser"));
            d.put("os", first(ordered, "os"));
            String referrer = first(ordered, "referrer"); // (unknown) without one
            d.put("referrer", referrer);
            d.put("source", REFERRERS.getOrDefault(referrer.equals(UNKNOWN) ? "" : referrer, "?" + referrer));
            d.put("entryPage", ordered.get(0).path("path").asText());
            long views = ordered.stream()
                    .filter(e -> e.path("eventType").asText().equals("PAGE_VIEW")
                            || e.path("eventType").asText().equals("PERFUME_VIEW"))
                    .count();
            sessions.put(
                    id,
                    new RawSession(
                            id, Instant.parse(ordered.get(0).path("timestamp").asText()), d, views));
        });
        return sessions;
    }

    private static String first(List<JsonNode> events, String field) {
        return events.stream()
                .map(e -> e.path(field).asText(null))
                .filter(v -> v != null && !v.isEmpty())
                .findFirst()
                .orElse(UNKNOWN);
    }

    private static boolean in(Instant t, LocalDate from, LocalDate to) {
        return !t.isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant())
                && t.isBefore(to.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<String, Long> breakdown(JsonNode metrics, String figure) {
        Map<String, Long> values = new TreeMap<>();
        metrics.path("breakdown")
                .path("items")
                .forEach(v -> values.put(
                        v.path("value").asText(), v.path("totals").path(figure).asLong()));
        return values;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<RawSession> sessionsIn(LocalDate from, LocalDate to, Predicate<RawSession> filter) {
        return sessions().values().stream()
                .filter(s -> in(s.start(), from, to))
                .filter(filter)
                .toList();
    }

    @Test
    void sessionBreakdownsEqualTheRawStoreForEveryDimension() {
        String base = system.url(RunningSystem.SESSIONS) + "/v1/sessions/metrics?from=" + CURRENT_FROM + "&to=" + TODAY
                + "&limit=1000&filters=" + q("entryPage==" + String.join("|", ENTRY_PAGES));
        List<RawSession> current = sessionsIn(CURRENT_FROM, TODAY, s -> s.id().endsWith(RUN));
        for (String dimension : List.of("country", "deviceType", "browser", "os", "source", "referrer", "entryPage")) {
            Map<String, Long> expected = count(current, s -> s.dimensions().get(dimension));
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode metrics = Http.json(base + "&breakdown=" + dimension);
                assertThat(breakdown(metrics, "sessions")).as(dimension).isEqualTo(expected);
                assertThat(metrics.path("totals").path("sessions").asLong()).isEqualTo(current.size());
            });
        }
        Map<String, Long> views = current.stream()
                .collect(Collectors.groupingBy(
                        s -> s.dimensions().get("country"),
                        TreeMap::new,
                        Collectors.summingLong(RawSession::pageViews)));
        assertThat(breakdown(Http.json(base + "&breakdown=country"), "pageViews"))
                .isEqualTo(views);
    }

    @Test
    void sessionFiltersAndTheComparisonEqualTheRawStore() {
        String filters = "country==DE|(unknown);deviceType!=mobile";
        Predicate<RawSession> matches =
                s -> List.of("DE", UNKNOWN).contains(s.dimensions().get("country"))
                        && !"mobile".equals(s.dimensions().get("deviceType"));
        long current = sessionsIn(CURRENT_FROM, TODAY, matches).size();
        long previous = sessionsIn(PREVIOUS_FROM, CURRENT_FROM, matches).size();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode metrics = Http.json(system.url(RunningSystem.SESSIONS) + "/v1/sessions/metrics?from="
                    + CURRENT_FROM + "&to=" + TODAY + "&filters=" + q(filters) + "&compare=previous_period");
            assertThat(metrics.path("totals").path("sessions").asLong()).isEqualTo(current);
            assertThat(metrics.path("compare").path("from").asText())
                    .isEqualTo(Http.INSTANT.format(PREVIOUS_FROM.atStartOfDay(ZoneOffset.UTC)));
            assertThat(metrics.path("compare").path("totals").path("sessions").asLong())
                    .isEqualTo(previous);
            assertThat(metrics.path("compare")
                            .path("change")
                            .path("sessions")
                            .path("difference")
                            .asLong())
                    .isEqualTo(current - previous);
            long perDay = 0;
            for (JsonNode bucket : metrics.path("buckets")) {
                perDay += bucket.path("sessions").asLong();
            }
            assertThat(perDay).as("the buckets add up to the totals").isEqualTo(current);
        });
    }

    @Test
    void eventBreakdownsFiltersAndComparisonEqualTheRawStore() {
        List<JsonNode> current = raw.stream()
                .filter(e -> in(Instant.parse(e.path("timestamp").asText()), CURRENT_FROM, TODAY))
                .toList();
        List<JsonNode> previous = raw.stream()
                .filter(e -> in(Instant.parse(e.path("timestamp").asText()), PREVIOUS_FROM, CURRENT_FROM))
                .toList();
        String base = system.url(RunningSystem.COLLECTOR) + "/v1/events/metrics?from=" + CURRENT_FROM + "&to=" + TODAY
                + "&limit=1000";
        for (String dimension : List.of("eventType", "country", "deviceType", "browser", "os", "path")) {
            String field =
                    Map.of("eventType", "eventType", "country", "location").getOrDefault(dimension, dimension);
            Map<String, Long> expected = count(current, e -> {
                String v = e.path(field).asText(null);
                return v == null || v.isEmpty() ? UNKNOWN : v;
            });
            JsonNode metrics = Http.json(base + "&breakdown=" + dimension);
            assertThat(breakdown(metrics, "events")).as(dimension).isEqualTo(expected);
            assertThat(metrics.path("totals").path("events").asLong()).isEqualTo(current.size());
        }
        Predicate<JsonNode> matches = e -> List.of("PAGE_VIEW", "PERFUME_VIEW")
                        .contains(e.path("eventType").asText())
                && !"FR".equals(e.path("location").asText(null));
        long now = current.stream().filter(matches).count();
        long before = previous.stream().filter(matches).count();
        long sessionsNow = current.stream()
                .filter(matches)
                .map(e -> e.path("sessionId").asText())
                .distinct()
                .count();
        JsonNode filtered = Http.json(
                base + "&filters=" + q("eventType==PAGE_VIEW|PERFUME_VIEW;country!=FR") + "&compare=previous_period");
        assertThat(filtered.path("totals").path("events").asLong()).isEqualTo(now);
        assertThat(filtered.path("totals").path("sessions").asLong()).isEqualTo(sessionsNow);
        assertThat(filtered.path("compare").path("totals").path("events").asLong())
                .isEqualTo(before);
        assertThat(filtered.path("compare")
                        .path("change")
                        .path("events")
                        .path("difference")
                        .asLong())
                .isEqualTo(now - before);
    }
}
