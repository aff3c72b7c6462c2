package com.newsmell.profile.segments;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #12, weekly segmentation, against the real database: synthetic users with planted behaviour clusters, the
 * segments job run through the job runner, the segments, their users and the profiles read back through the API.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class SegmentsTest {

    private static final String DB = ProfileTestResource.DATABASE;
    private static final int CLUSTERS = 8; // the configured k
    private static final int PER_CLUSTER = 40;
    private static final int DIM = 24;

    @Test
    @SuppressWarnings("unchecked")
    void plantedClustersAreRecoveredAndEveryProfileCarriesItsSegment() {
        clear();
        String run = "seg-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Random random = new Random(21);
        // 8 clusters of 40 users: cluster c is high (0.8) on its own features 3c..3c+2, low (0.1) elsewhere, ±0.08
        Map<String, double[]> latest = new LinkedHashMap<>();
        Map<String, Integer> planted = new HashMap<>();
        for (int i = 0; i < CLUSTERS * PER_CLUSTER; i++) {
            int c = i % CLUSTERS;
            double[] v = new double[DIM];
            for (int f = 0; f < DIM; f++) {
                double centre = f / 3 == c ? 0.8 : 0.1;
                v[f] = Math.max(0, Math.min(1, Math.round((centre + random.nextGaussian() * 0.08) * 1000) / 1000.0));
            }
            String user = run + String.format("u%03d", i);
            latest.put(user, v);
            planted.put(user, c);
        }
        // older-version vectors (other length): never segmented with the latest version's
        Map<String, double[]> older = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            older.put(run + String.format("old%02d", i), new double[] {random.nextDouble(), random.nextDouble()});
        }
        insertVectors(latest, 7, LocalDate.parse("2026-12-08"));
        insertVectors(older, 6, LocalDate.parse("2026-12-08"));
        // profiles for a few of them (the consumer creates them; here a bare row), one of them with an older vector
        List<String> withProfile = List.of(run + "u000", run + "u001", run + "u017", run + "old00");
        for (String user : withProfile) {
            Sql.query(DB, "insert into user_behavior_profile (user_id) values (?) on conflict do nothing", user);
        }
        Sql.query(
                DB,
                "update user_behavior_profile set segment_id = '2026-11-29-1', segment_week = '2026-11-29'"
                        + " where user_id = ?",
                run + "old00");

        runJob(SegmentJob.NAME, "2026-12-09T01:00:00Z"); // a Wednesday: the week of Sunday 2026-12-06

        Map<String, Object> page = json("/v1/segments");
        List<Map<String, Object>> segments = (List<Map<String, Object>>) page.get("items");
        assertThat(segments).hasSize(CLUSTERS);
        assertThat(page).doesNotContainKey("nextCursor");
        Map<String, Integer> found = new HashMap<>();
        int total = 0;
        for (Map<String, Object> s : segments) {
            String id = (String) s.get("id");
            assertThat(id).startsWith("2026-12-06-");
            assertThat(s).containsEntry("week", "2026-12-06").containsEntry("schemaVersion", 7);
            assertThat((List<Object>) s.get("centroid")).hasSize(DIM);
            List<String> users = segmentUsers(id, 15);
            assertThat(users).hasSize((Integer) s.get("size")).isSorted();
            users.forEach(u -> found.put(u, ((Number) s.get("number")).intValue()));
            total += users.size();
            // the most distinctive feature is one of the segment's planted cluster's own three, above the mean
            Map<String, Object> top = ((List<Map<String, Object>>) s.get("distinctiveFeatures")).get(0);
            int cluster = planted.get(users.get(0));
            assertThat(((Number) top.get("index")).intValue() / 3).isEqualTo(cluster);
            assertThat(((Number) top.get("difference")).doubleValue()).isPositive();
            // named by the feature layout's position
            assertThat(top.get("name"))
                    .isEqualTo(com.newsmell.profile.features.FeatureLayout.defaults()
                            .get(((Number) top.get("index")).intValue())
                            .name());
        }
        assertThat(total).isEqualTo(CLUSTERS * PER_CLUSTER);
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(latest.keySet());

        int[] want = new int[latest.size()];
        int[] got = new int[latest.size()];
        int i = 0;
        for (String user : latest.keySet()) {
            want[i] = planted.get(user);
            got[i++] = found.get(user);
        }
        assertThat(AdjustedRandIndex.of(want, got)).isGreaterThanOrEqualTo(0.9);

        // each profile carries its segment and week; a profile without a vector of that version carries none
        for (String user : List.of(run + "u000", run + "u001", run + "u017")) {
            assertThat(json("/v1/profiles/" + user))
                    .containsEntry("segmentId", "2026-12-06-" + found.get(user))
                    .containsEntry("segmentWeek", "2026-12-06");
        }
        assertThat(json("/v1/profiles/" + run + "old00")).doesNotContainKeys("segmentId", "segmentWeek");

        // the same vectors give the same segments when the week is run again
        List<String> firstUsers = segmentUsers("2026-12-06-1", 1000);
        runJob(SegmentJob.NAME, "2026-12-06T01:00:00Z");
        assertThat(segmentUsers("2026-12-06-1", 1000)).isEqualTo(firstUsers);

        // unknown segment: 404 problem; a cursor of another segment: 400
        given().get("/v1/segments/2026-12-06-99/users").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/segments/nonsense/users").then().statusCode(404);
        String cursor = (String) json("/v1/segments/2026-12-06-1/users?limit=1").get("nextCursor");
        given().queryParam("cursor", cursor)
                .get("/v1/segments/2026-12-06-2/users")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("k", 3).get("/v1/segments").then().statusCode(400);
        // CSV, as every list (ADR 0015)
        assertThat(given().accept("text/csv")
                        .get("/v1/segments/2026-12-06-1/users?limit=2")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .lines())
                .containsExactly("userId", firstUsers.get(0), firstUsers.get(1));
    }

    /** Every user of a segment, following the cursor ({@code limit} a page). */
    @SuppressWarnings("unchecked")
    private static List<String> segmentUsers(String segmentId, int limit) {
        List<String> users = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = json("/v1/segments/" + segmentId + "/users?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor));
            for (Map<String, Object> item : (List<Map<String, Object>>) page.get("items")) {
                users.add((String) item.get("userId"));
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return users;
    }
}
