package com.newsmell.profile.similarity;

import static com.newsmell.profile.VectorFixtures.clear;
import static com.newsmell.profile.VectorFixtures.insertVectors;
import static com.newsmell.profile.VectorFixtures.json;
import static com.newsmell.profile.VectorFixtures.runJob;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.infra.Sql;
import com.newsmell.profile.ProfileTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, similarity, against the real database: synthetic users' vectors inserted into {@code user_feature_vector}
 * (as the vector stage writes them), the similar-users job run through the job runner, and the API read back.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class SimilarUsersTest {

    private static final String DB = ProfileTestResource.DATABASE;
    private static final int DIM = 20;

    /** A vector of numbers in [0, 1], some of them 0 (with a fixed seed). */
    static double[] randomVector(Random random, int dimension) {
        double[] v = new double[dimension];
        for (int f = 0; f < dimension; f++) {
            v[f] = random.nextDouble() < 0.25 ? 0 : Math.round(random.nextDouble() * 1000) / 1000.0;
        }
        return v;
    }

    @Test
    void identicalUsersAreEachOthersNearestNobodyIsTheirOwnAndVersionsNeverMix() {
        clear();
        String run = "sim-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Random random = new Random(11);
        Map<String, double[]> v1 = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            v1.put(run + String.format("u%03d", i), randomVector(random, DIM));
        }
        double[] twin = randomVector(random, DIM);
        v1.put(run + "twin-a", twin);
        v1.put(run + "twin-b", twin.clone());
        // the same behaviour at twice the scale: the same direction, similarity 1 too
        double[] half = twin.clone();
        for (int f = 0; f < DIM; f++) {
            half[f] /= 2;
        }
        v1.put(run + "twin-c", half);
        Map<String, double[]> v2 = new LinkedHashMap<>();
        v2.put(run + "v2-twin", twin.clone()); // identical to the twins, but another schema version
        for (int i = 0; i < 30; i++) {
            v2.put(run + String.format("v2-%02d", i), randomVector(random, DIM));
        }
        LocalDate asOf = LocalDate.parse("2026-12-06");
        insertVectors(v1, 1, asOf);
        insertVectors(v2, 2, asOf);

        runJob(SimilarUsersJob.NAME, "2026-12-06T02:30:00Z");

        // twin-a: its twins first (1.0, ties by userId), then exactly the definition's order, never itself or a v2 user
        List<Map<String, Object>> all = allSimilar(run + "twin-a");
        assertThat(all).hasSize(50);
        assertThat(all.get(0)).containsEntry("userId", run + "twin-b").containsEntry("similarity", 1.0);
        assertThat(all.get(1)).containsEntry("userId", run + "twin-c").containsEntry("similarity", 1.0);
        assertThat(all.stream().map(i -> (String) i.get("userId")))
                .doesNotContain(run + "twin-a")
                .noneMatch(u -> u.contains("v2-"))
                .containsExactlyElementsOf(expected(run + "twin-a", v1, 50));
        for (int r = 0; r < all.size(); r++) {
            assertThat(((Number) all.get(r).get("rank")).intValue()).isEqualTo(r + 1);
        }
        // twin-b's nearest is twin-a (and twin-c, a tie ordered by userId)
        assertThat(firstSimilar(run + "twin-b")).isEqualTo(run + "twin-a");
        // every user's list is the definition's, and nobody is their own neighbour
        for (String user : List.of(run + "u000", run + "u123", run + "u199", run + "twin-c")) {
            List<String> got =
                    allSimilar(user).stream().map(i -> (String) i.get("userId")).toList();
            assertThat(got).as(user).doesNotContain(user).containsExactlyElementsOf(expected(user, v1, 50));
        }
        // the v2 users are ranked among themselves only
        List<String> v2List = allSimilar(run + "v2-twin").stream()
                .map(i -> (String) i.get("userId"))
                .toList();
        assertThat(v2List).hasSize(30).allMatch(u -> u.contains("v2-"));

        // the pair endpoint: the same value as the list, the schema version and the vectors' as-of day
        Map<String, Object> pair = json("/v1/profiles/" + run + "twin-a/similarity/" + run + "twin-b");
        assertThat(pair)
                .containsEntry("userId", run + "twin-a")
                .containsEntry("otherUserId", run + "twin-b")
                .containsEntry("similarity", 1.0)
                .containsEntry("schemaVersion", 1)
                .containsEntry("asOf", "2026-12-06");
        Map<String, Object> tenth = all.get(9);
        assertThat(json("/v1/profiles/" + run + "twin-a/similarity/" + tenth.get("userId"))
                        .get("similarity"))
                .isEqualTo(tenth.get("similarity"))
                .isEqualTo(UnitVectors.similarity(twin, v1.get((String) tenth.get("userId"))));

        // different schema versions are never compared: 409 problem; no vector: 404 problem
        given().get("/v1/profiles/" + run + "twin-a/similarity/" + run + "v2-twin")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newsmell.dev/problems/vectors-not-comparable"));
        given().get("/v1/profiles/" + run + "nobody/similarity/" + run + "twin-a")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/profiles/" + run + "twin-a/similarity/" + run + "nobody")
                .then()
                .statusCode(404);
        given().get("/v1/profiles/" + run + "nobody/similar").then().statusCode(404);

        // limit: 1-1000 (the convention's), default 10, at most the 50 kept; strict parameters
        given().queryParam("limit", 1000)
                .get("/v1/profiles/" + run + "twin-a/similar")
                .then()
                .statusCode(200);
        given().queryParam("limit", 1001)
                .get("/v1/profiles/" + run + "twin-a/similar")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"))
                .body("errors[0].rule", equalTo("range"));
        given().queryParam("limit", 0)
                .get("/v1/profiles/" + run + "twin-a/similar")
                .then()
                .statusCode(400);
        given().queryParam("top", 5)
                .get("/v1/profiles/" + run + "twin-a/similar")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("unknown"));
        Map<String, Object> page = json("/v1/profiles/" + run + "twin-a/similar");
        assertThat((List<?>) page.get("items")).hasSize(10);
        assertThat(page).containsEntry("asOf", "2026-12-06").containsEntry("schemaVersion", 1);
        assertThat((String) page.get("nextCursor")).isNotBlank();

        // a user whose vector is gone loses their list at the next run (and is gone from nobody's list here: 404)
        Sql.query(DB, "delete from user_feature_vector where user_id = ?", run + "twin-b");
        runJob(SimilarUsersJob.NAME, "2026-12-07T02:30:00Z");
        assertThat(Sql.count(DB, "select count(*) from user_similar where user_id = ?", run + "twin-b"))
                .isZero();
        assertThat(firstSimilar(run + "twin-a")).isEqualTo(run + "twin-c");
        assertThat(json("/v1/profiles/" + run + "twin-a/similar")).containsEntry("asOf", "2026-12-07");
    }

    /** The definition, brute force here: every other user of the set by similarity (4 decimals) desc, then userId. */
    private static List<String> expected(String user, Map<String, double[]> set, int top) {
        double[] own = set.get(user);
        return set.entrySet().stream()
                .filter(e -> !e.getKey().equals(user))
                .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(
                                e -> -UnitVectors.similarity(own, e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .map(Map.Entry::getKey)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String firstSimilar(String user) {
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                json("/v1/profiles/" + user + "/similar?limit=1").get("items");
        return (String) items.get(0).get("userId");
    }

    /** Every page of the user's list (7 a page), in order. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allSimilar(String user) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page =
                    json("/v1/profiles/" + user + "/similar?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            all.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return all;
    }
}
