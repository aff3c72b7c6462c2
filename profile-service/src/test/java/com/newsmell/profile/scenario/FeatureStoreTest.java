package com.newsmell.profile.scenario;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.profile.scenario.ProfileHarness.awaitCatalog;
import static com.newsmell.profile.scenario.ProfileHarness.awaitRollups;
import static com.newsmell.profile.scenario.ProfileHarness.publishCatalog;
import static com.newsmell.profile.scenario.ProfileHarness.publishNewestFirst;
import static com.newsmell.profile.scenario.ProfileHarness.publishSessions;
import static com.newsmell.profile.scenario.ProfileHarness.runJob;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.ProfileTestResource;
import com.newsmell.profile.features.FeatureLayout;
import com.newsmell.profile.recompute.ProfileJob;
import com.newsmell.profile.recompute.ProfileRebuildJob;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 end to end: the scenario users' vectors through Kafka, the job and the API, exact; a user's vector over
 * three simulated days, read back as of each day and through the point-in-time join; a schema version bump that never
 * mixes versions; the join's limits and errors.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class FeatureStoreTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    @Test
    void everyScenarioUserGetsItsExactVectorThroughTheJobAndTheApi() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenarios s = new Scenarios(run);
        FeatureScenarios features = new FeatureScenarios(s);
        load(s, run);
        // accountAge's first-seen is each user's first counted event (first_event_at, V8), kept by the consumer.
        int version = bump(vocabularyBody(features));

        runJob(ProfileJob.NAME, Scenarios.NOW);

        JsonNode schema = json(given().get("/v1/features/schema")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(schema.get("version").asInt()).isEqualTo(version);
        assertThat(schema.get("newest").asBoolean()).isTrue();
        assertThat(schema.get("computedThrough").asText()).isEqualTo("2024-06-30");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < schema.get("features").size(); i++) {
            JsonNode f = schema.get("features").get(i);
            assertThat(f.get("position").asInt()).isEqualTo(i);
            assertThat(f.get("group").asText()).isNotBlank();
            assertThat(f.get("description").asText()).isNotBlank();
            assertThat(f.get("normalisation").get("formula").asText()).isNotBlank();
            names.add(f.get("name").asText());
        }
        assertThat(schema.get("length").asInt()).isEqualTo(names.size()).isEqualTo(111);
        assertThat(new HashSet<>(names)).hasSize(names.size());
        assertThat(schema.at("/vocabulary/notes/0/noteId").asText()).isEqualTo(s.note("rose"));
        assertThat(schema.at("/vocabulary/notes/3/noteId").isMissingNode()).isTrue();
        assertThat(schema.at("/vocabulary/houses/1/houseId").asText()).isEqualTo(s.house("h2"));
        assertThat(schema.at("/vocabulary/pricePoints").size()).isEqualTo(21);

        for (Map.Entry<String, Map<String, Double>> want : features.expected().entrySet()) {
            JsonNode got = json(given().get("/v1/profiles/" + want.getKey() + "/features")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(got.get("schemaVersion").asInt()).isEqualTo(version);
            assertThat(got.get("asOf").asText()).isEqualTo("2024-06-30");
            assertThat(got.get("accountAgeSource").asText()).isEqualTo("first-event");
            assertThat(MAPPER.convertValue(got.get("names"), List.class)).isEqualTo(names);
            assertThat(values(got.get("values")))
                    .as(want.getKey())
                    .containsExactly(FeatureScenarios.vector(want.getValue()));
            // the table the similarity jobs read: the same vector, its version and day
            Map<String, Object> row = Sql.query(
                            ProfileTestResource.DATABASE,
                            "select schema_version, cast(as_of as text) as as_of, vector from user_feature_vector"
                                    + " where user_id = ?",
                            want.getKey())
                    .get(0);
            assertThat(row.get("schema_version")).isEqualTo(version);
            assertThat(row.get("as_of")).isEqualTo("2024-06-30");
            assertThat(values(json((String) row.get("vector")))).containsExactly(values(got.get("values")));
        }
    }

    @Test
    void aVectorOverThreeDaysIsReadBackAsOfEachDayAndAtEachTimestampAndVersionsNeverMix() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Scenarios s = new Scenarios(run);
        publishCatalog(s.catalog(), 1);
        awaitCatalog(s.catalog(), 1);
        String user = s.user("days");
        String p1 = s.perfume("p1");
        LocalDate d1 = LocalDate.parse("2024-05-06");
        LocalDate d2 = d1.plusDays(1);
        LocalDate d3 = d1.plusDays(2);

        // Day 1: three views of P1; day 2: P1 wishlisted; day 3: P1 collected and rated 5. Each day's events at 01:00,
        // the day's run at 03:00.
        List<double[]> days = new ArrayList<>();
        int events = 0;
        for (LocalDate day : List.of(d1, d2, d3)) {
            Instant at = at(day, "01:00");
            List<UserInteractionEvent> batch = new ArrayList<>();
            if (day.equals(d1)) {
                for (int i = 0; i < 3; i++) {
                    batch.add(event(PERFUME_VIEW, run, user, at.plusSeconds(i), p1));
                }
            } else if (day.equals(d2)) {
                batch.add(event(WISHLIST_ADD, run, user, at, p1));
            } else {
                batch.add(event(COLLECTION_ADD, run, user, at, p1));
                ObjectNode rating = MAPPER.createObjectNode();
                rating.putObject("ratings").put("overall", 5);
                batch.add(WireEvents.event(RATING_COMPLETED, "sc-" + run, at.plusSeconds(1))
                        .userId(user)
                        .perfumeId(p1)
                        .eventData(rating)
                        .build());
            }
            WireEvents.publish(batch);
            events += batch.size();
            awaitRollups("sc-" + run + "-", events, 0);
            runJob(ProfileJob.NAME, at(day, "03:00"));
            JsonNode current = vector(user, "");
            assertThat(current.get("asOf").asText()).isEqualTo(day.toString());
            days.add(values(current.get("values")));
        }
        int version = json(given().get("/v1/profiles/" + user + "/features")
                        .then()
                        .extract()
                        .asString())
                .get("schemaVersion")
                .asInt();
        Map<String, Integer> at = FeatureSchemaPositions.of();
        assertThat(days.get(0)[at.get("totalPerfumesViewed")]).isPositive();
        assertThat(days.get(0)[at.get("wishlistSize")]).isZero();
        assertThat(days.get(1)[at.get("wishlistSize")]).isPositive();
        assertThat(days.get(1)[at.get("collectionSize")]).isZero();
        assertThat(days.get(2)[at.get("collectionSize")]).isPositive();
        assertThat(days.get(2)[at.get("hasRatings")]).isEqualTo(1.0);

        // asOf each day: that day's vector; a later day the latest; before the first: none
        for (int i = 0; i < 3; i++) {
            LocalDate day = d1.plusDays(i);
            JsonNode got = vector(user, "?asOf=" + day);
            assertThat(got.get("asOf").asText()).isEqualTo(day.toString());
            assertThat(values(got.get("values"))).containsExactly(days.get(i));
        }
        assertThat(values(vector(user, "?asOf=" + d3.plusDays(10)).get("values")))
                .containsExactly(days.get(2));
        problem("/v1/profiles/" + user + "/features?asOf=" + d1.minusDays(1), 404, "no-snapshot");
        // the horizon is at least 89 days before the last run's day
        problem("/v1/profiles/" + user + "/features?asOf=2024-01-15", 404, "before-retention");
        problem("/v1/profiles/sc-" + run + "-nobody/features", 404, "unknown-user");
        invalid(
                "/v1/profiles/" + user + "/features?asOf="
                        + LocalDate.now(ZoneOffset.UTC).plusDays(1),
                "asOf",
                "range");
        invalid("/v1/profiles/" + user + "/features?asOf=30.06.2024", "asOf", "format");
        invalid("/v1/profiles/" + user + "/features?asof=2024-05-06", "asof", "unknown");

        // the point-in-time join: each timestamp gets the snapshot known then
        String unknown = s.user("nobody");
        List<String[]> rows = List.of(
                new String[] {user, d1 + "T01:30:00Z"}, // before day 1's run computed anything
                new String[] {user, d1 + "T12:00:00Z"},
                new String[] {unknown, d2 + "T12:00:00Z"},
                new String[] {user, d2 + "T02:59:59Z"}, // day 2's run has not run yet: day 1's vector
                new String[] {user, d2 + "T12:00:00+02:00"},
                new String[] {user, "2024-01-15T12:00:00Z"},
                new String[] {user, d3 + "T23:59:59.999Z"},
                new String[] {user, d3.plusDays(30) + "T00:00:00Z"});
        List<JsonNode> lines = historical(jsonLines(rows), NDJSON, "");
        assertThat(lines).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(lines.get(i).get("userId").asText()).isEqualTo(rows.get(i)[0]);
            assertThat(lines.get(i).get("schemaVersion").asInt()).isEqualTo(version);
        }
        assertNone(lines.get(0), "no-snapshot");
        assertVector(lines.get(1), d1, days.get(0));
        assertNone(lines.get(2), "unknown-user");
        assertVector(lines.get(3), d1, days.get(0));
        assertThat(lines.get(4).get("timestamp").asText()).isEqualTo(d2 + "T10:00:00.000Z");
        assertVector(lines.get(4), d2, days.get(1));
        assertNone(lines.get(5), "before-retention");
        assertVector(lines.get(6), d3, days.get(2));
        assertVector(lines.get(7), d3, days.get(2));
        // the same rows as one JSON array: the same answer
        assertThat(historical(jsonArray(rows), "application/json", "")).isEqualTo(lines);

        // One snapshot a day, each different, under the user's keyed pseudonym only (ADR 0048); a rebuild that
        // computes the same vectors again writes none.
        String snapshots = "select count(*) from user_feature_snapshot where user_id = ? and schema_version = ?";
        assertThat(Sql.count(ProfileTestResource.DATABASE, snapshots, user, version))
                .isZero();
        String subject = com.newsmell.profile.privacy.ProfileRetention.pseudonym("dev-only-privacy-key", user);
        assertThat(Sql.count(ProfileTestResource.DATABASE, snapshots, subject, version))
                .isEqualTo(3);
        runJob(ProfileRebuildJob.NAME, at(d3, "04:00"));
        assertThat(Sql.query(
                                ProfileTestResource.DATABASE,
                                "select cast(computed_at as text) as at from user_feature_vector where user_id = ?",
                                user)
                        .get(0)
                        .get("at"))
                .asString()
                .startsWith(d3 + " 04:00");
        assertThat(Sql.count(ProfileTestResource.DATABASE, snapshots, subject, version))
                .isEqualTo(3);
        // an incremental run that recomputes no profile of the user leaves their vector as it was
        runJob(ProfileJob.NAME, at(d3, "04:30"));
        assertThat(Sql.query(
                                ProfileTestResource.DATABASE,
                                "select cast(computed_at as text) as at from user_feature_vector where user_id = ?",
                                user)
                        .get(0)
                        .get("at"))
                .asString()
                .startsWith(d3 + " 04:00");

        // A new version: nothing of the old one is answered as the new one.
        int next = bump("");
        assertThat(next).isGreaterThan(version);
        problem("/v1/profiles/" + user + "/features", 404, "not-computed");
        assertThat(vector(user, "?schemaVersion=" + version)
                        .get("schemaVersion")
                        .asInt())
                .isEqualTo(version);
        assertThat(historical(jsonLines(rows.subList(1, 2)), NDJSON, "")
                        .get(0)
                        .get("reason")
                        .asText())
                .isEqualTo("no-snapshot");
        // the next run computes every user's vector in the new version
        runJob(ProfileJob.NAME, at(d3, "05:00"));
        JsonNode current = vector(user, "");
        assertThat(current.get("schemaVersion").asInt()).isEqualTo(next);
        assertThat(current.get("asOf").asText()).isEqualTo(d3.toString());
        problem("/v1/profiles/" + user + "/features?asOf=" + d2, 404, "no-snapshot");
        assertThat(values(vector(user, "?asOf=" + d2 + "&schemaVersion=" + version)
                        .get("values")))
                .containsExactly(days.get(1));
        List<JsonNode> old = historical(jsonLines(rows), NDJSON, "?schemaVersion=" + version);
        assertVector(old.get(4), d2, days.get(1));
        assertNone(old.get(7), "version-superseded"); // the old version was last computed on day 3
        List<JsonNode> newer = historical(jsonLines(rows), NDJSON, "");
        assertNone(newer.get(4), "no-snapshot");
        assertThat(newer.get(7).get("schemaVersion").asInt()).isEqualTo(next);
        assertThat(newer.get(7).get("asOf").asText()).isEqualTo(d3.toString());
    }

    @Test
    void theJoinStreamsManyRowsInOrderAndRefusesTooManyOrBadOnes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // 2,500 rows (three statements of 1,000): one line each, in order
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(new String[] {"sc-" + run + "-u" + i, "2024-06-30T12:00:00Z"});
        }
        List<JsonNode> lines = historical(jsonLines(rows), NDJSON, "");
        assertThat(lines).hasSize(2500);
        for (int i = 0; i < 2500; i++) {
            assertThat(lines.get(i).get("userId").asText()).isEqualTo(rows.get(i)[0]);
            assertNone(lines.get(i), "unknown-user");
        }

        StringBuilder tooMany = new StringBuilder();
        String line = "{\"userId\":\"u\",\"timestamp\":\"2024-06-30T12:00:00Z\"}\n";
        tooMany.append(line.repeat(100_001));
        given().contentType(NDJSON)
                .body(tooMany.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/features/historical")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", startsWith("https://newsmell.dev/problems/too-many-rows"));
        given().contentType(NDJSON)
                .body((line + "{\"userId\":\"u\",\"timestamp\":\"noon\"}\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/features/historical")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/1/timestamp"))
                .body("errors[0].rule", equalTo("format"));
        given().contentType(NDJSON)
                .body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/features/historical?schemaVersion=0")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("schemaVersion"));
        given().contentType(NDJSON)
                .body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/features/historical?schemaVersion=99999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", startsWith("https://newsmell.dev/problems/feature-schema-not-found"));
        given().get("/v1/features/schema?version=99999").then().statusCode(404);
        // the OpenAPI documents the problems of the new paths
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/v1/profiles/{userId}/features'.get.responses.'404'.content.keySet()",
                        org.hamcrest.Matchers.contains("application/problem+json"))
                .body(
                        "paths.'/v1/profiles/{userId}/features'.get.parameters.find { it.name == 'asOf' }.schema.format",
                        equalTo("date"))
                .body("paths.'/v1/features/historical'.post.responses.'413'", org.hamcrest.Matchers.notNullValue())
                .body(
                        "paths.'/v1/features/historical'.post.responses.'200'.content.keySet()",
                        org.hamcrest.Matchers.contains(NDJSON));
        given().contentType("application/json")
                .body("{\"notes\":[\"a\",\"a\"]}")
                .post("/v1/features/schema/versions")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/notes/1"))
                .body("errors[0].rule", equalTo("unique"));
    }

    // --- helpers

    /** Publishes a scenario set and waits until profile-service holds all of it. */
    private static void load(Scenarios s, String run) {
        publishCatalog(s.catalog(), 1);
        List<UserInteractionEvent> events = s.events();
        publishNewestFirst(events, 7);
        publishSessions(s.sessions());
        awaitCatalog(s.catalog(), 1);
        awaitRollups("sc-" + run + "-", events.size(), 3);
    }

    private static String vocabularyBody(FeatureScenarios features) throws Exception {
        ObjectNode body = MAPPER.createObjectNode();
        features.vocabulary().notes().forEach(body.putArray("notes")::add);
        features.vocabulary().houses().forEach(body.putArray("houses")::add);
        features.vocabulary().pricePoints().forEach(body.putArray("pricePoints")::add);
        return MAPPER.writeValueAsString(body);
    }

    /** POST /v1/features/schema/versions; answers the new version. */
    private static int bump(String body) throws Exception {
        Response response = given().contentType("application/json")
                .body(body)
                .post("/v1/features/schema/versions")
                .then()
                .statusCode(201)
                .extract()
                .response();
        int version = json(response.asString()).get("version").asInt();
        assertThat(response.header("Location")).endsWith("/v1/features/schema?version=" + version);
        return version;
    }

    private static JsonNode vector(String user, String query) throws Exception {
        return json(given().get("/v1/profiles/" + user + "/features" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static void problem(String url, int status, String reason) {
        given().get(url)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newsmell.dev/problems/" + reason));
    }

    private static void invalid(String url, String parameter, String rule) {
        given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo(rule));
    }

    private static List<JsonNode> historical(String body, String contentType, String query) throws Exception {
        Response response = given().contentType(contentType)
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/features/historical" + query)
                .then()
                .statusCode(200)
                .contentType(NDJSON)
                .extract()
                .response();
        String text = response.asString();
        assertThat(text).endsWith("\n").doesNotContain("\n\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(json(line));
        }
        return lines;
    }

    private static String jsonLines(List<String[]> rows) {
        StringBuilder body = new StringBuilder();
        for (String[] row : rows) {
            body.append("{\"userId\":\"")
                    .append(row[0])
                    .append("\",\"timestamp\":\"")
                    .append(row[1])
                    .append("\",\"label\":1}\n");
        }
        return body.toString();
    }

    private static String jsonArray(List<String[]> rows) {
        return "[" + String.join(",", jsonLines(rows).trim().split("\n")) + "]";
    }

    private static void assertVector(JsonNode line, LocalDate asOf, double[] vector) {
        assertThat(line.get("asOf").asText()).as(line.toString()).isEqualTo(asOf.toString());
        assertThat(values(line.get("vector"))).containsExactly(vector);
        assertThat(line.has("reason")).isFalse();
    }

    private static void assertNone(JsonNode line, String reason) {
        assertThat(line.has("vector")).as(line.toString()).isTrue();
        assertThat(line.get("vector").isNull()).as(line.toString()).isTrue();
        assertThat(line.get("reason").asText()).isEqualTo(reason);
    }

    private static UserInteractionEvent event(
            com.newsmell.contract.InteractionEventType type, String run, String user, Instant at, String perfume) {
        return WireEvents.event(type, "sc-" + run, at)
                .userId(user)
                .perfumeId(perfume)
                .build();
    }

    private static Instant at(LocalDate day, String time) {
        return Instant.parse(day + "T" + time + ":00Z");
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static double[] values(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** The layout's positions by name. */
    private static final class FeatureSchemaPositions {
        static Map<String, Integer> of() {
            Map<String, Integer> positions = new java.util.HashMap<>();
            FeatureLayout.defaults().forEach(f -> positions.put(f.name(), f.position()));
            return positions;
        }
    }
}
