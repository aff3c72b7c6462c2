package com.newsmell.profile.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.SessionSummary;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.Infra;
import com.newsmell.infra.ServiceConfig;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.infra.WireEvents;
import com.newsmell.profile.ProfileTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The profile-service tests' way in (Kafka topics) and out (the API, the job runner), and their exact checks. */
final class ProfileHarness {

    private ProfileHarness() {}

    static void publishCatalog(List<Scenarios.Perfume> perfumes, long version) {
        TopicReader.write(
                Infra.shared().topic(ServiceConfig.PERFUME_CATALOG),
                perfumes.stream()
                        .map(p -> Map.entry(p.perfumeId(), p.toJson(version)))
                        .toList());
    }

    static void awaitCatalog(List<Scenarios.Perfume> perfumes, long version) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                ProfileTestResource.DATABASE,
                                "select count(*) from perfume_catalog where perfume_id = any(?) and version = ?",
                                perfumes.stream()
                                        .map(Scenarios.Perfume::perfumeId)
                                        .toArray(String[]::new),
                                version)
                        == perfumes.size());
    }

    static void publishSessions(List<SessionSummary> summaries) {
        TopicReader.write(
                Infra.shared().topic(ServiceConfig.SESSION_SUMMARIES),
                summaries.stream().map(s -> Map.entry(s.key(), s.toJson())).toList());
    }

    /** Publishes the events in batches of {@code size}, the last events first. */
    static void publishNewestFirst(List<UserInteractionEvent> events, int size) {
        List<UserInteractionEvent> reversed = new ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        for (int from = 0; from < reversed.size(); from += size) {
            WireEvents.publish(reversed.subList(from, Math.min(reversed.size(), from + size)));
        }
    }

    /** Waits until the rollups hold every one of these users' events and the session table these sessions. */
    static void awaitRollups(String userPrefix, long events, long sessions) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(Sql.count(
                            ProfileTestResource.DATABASE,
                            "select coalesce(sum(e.value::bigint), 0) from user_day_activity d,"
                                    + " jsonb_each_text(d.event_counts) e where d.user_id like ?",
                            userPrefix + "%"))
                    .as(() -> "events in the rollups: "
                            + Sql.query(
                                    ProfileTestResource.DATABASE,
                                    "select d.user_id, e.key, sum(e.value::bigint) from user_day_activity d,"
                                            + " jsonb_each_text(d.event_counts) e where d.user_id like ? group by 1, 2",
                                    userPrefix + "%"))
                    .isEqualTo(events);
            assertThat(Sql.count(
                            ProfileTestResource.DATABASE,
                            "select count(*) from session_summary where user_id like ?",
                            userPrefix + "%"))
                    .as("session summaries")
                    .isEqualTo(sessions);
        });
    }

    /** Runs a job of the runner now, with this clock, and waits for it: it must succeed. */
    static void runJob(String job, Instant now) {
        given().queryParam("now", now.toString())
                .post("/v1/jobs/" + job + "/runs")
                .then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> profile(String userId) {
        return given().get("/v1/profiles/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    /** Every field of the profile is the expected one (the profile as JSON, numbers as Jackson reads them). */
    @SuppressWarnings("unchecked")
    static void assertProfile(Map<String, Object> got, Scenarios.Expected want) {
        assertThat(got.get("userId")).isEqualTo(want.userId());
        assertThat(pairs((List<Map<String, Object>>) got.get("preferredNotes"), "id", "weight"))
                .as("preferredNotes")
                .isEqualTo(doubles(want.preferredNotes()));
        assertThat(pairs((List<Map<String, Object>>) got.get("preferredHouses"), "id", "weight"))
                .as("preferredHouses")
                .isEqualTo(doubles(want.preferredHouses()));
        Map<String, Object> range = (Map<String, Object>) got.get("preferredPriceRange");
        assertThat(
                        range == null
                                ? null
                                : List.of(
                                        number(range.get("min")),
                                        number(range.get("max")),
                                        number(range.get("average"))))
                .as("preferredPriceRange")
                .isEqualTo(
                        want.priceRange() == null
                                ? null
                                : want.priceRange().stream()
                                        .map(java.math.BigDecimal::doubleValue)
                                        .toList());
        assertThat(pairs((List<Map<String, Object>>) got.get("preferredPerfumeTypes"), "perfumeType", "count"))
                .as("preferredPerfumeTypes")
                .isEqualTo(longs(want.perfumeTypes()));
        assertThat(number(got.get("totalSessions"))).as("totalSessions").isEqualTo(want.totalSessions());
        assertThat(number(got.get("totalPageViews"))).as("totalPageViews").isEqualTo(want.totalPageViews());
        assertThat(number(got.get("totalPerfumesViewed")))
                .as("totalPerfumesViewed")
                .isEqualTo(want.totalPerfumesViewed());
        assertThat(number(got.get("totalSearches"))).as("totalSearches").isEqualTo(want.totalSearches());
        assertThat(number(got.get("totalInteractions"))).as("totalInteractions").isEqualTo(want.totalInteractions());
        assertThat(number(got.get("avgSessionDurationMs")))
                .as("avgSessionDurationMs")
                .isEqualTo(want.avgSessionDurationMs());
        assertThat(number(got.get("totalRatings"))).as("totalRatings").isEqualTo(want.totalRatings());
        assertThat(number(got.get("avgRatingValue"))).as("avgRatingValue").isEqualTo(want.avgRatingValue());
        assertThat(number(got.get("totalReviews"))).as("totalReviews").isEqualTo(want.totalReviews());
        assertThat(number(got.get("avgReviewLength"))).as("avgReviewLength").isEqualTo(want.avgReviewLength());
        assertThat(number(got.get("collectionSize"))).as("collectionSize").isEqualTo(want.collectionSize());
        assertThat(number(got.get("wishlistSize"))).as("wishlistSize").isEqualTo(want.wishlistSize());
        assertThat(number(got.get("tradingActivity"))).as("tradingActivity").isEqualTo(want.tradingActivity());
        assertThat(((List<Object>) got.get("activeTimeOfDay"))
                        .stream().map(ProfileHarness::number).toList())
                .as("activeTimeOfDay")
                .isEqualTo(IntStream.range(0, 24)
                        .mapToObj(h -> (Object) want.activeHours().getOrDefault(h, 0L))
                        .toList());
        assertThat(((List<Object>) got.get("activeDaysOfWeek"))
                        .stream().map(ProfileHarness::number).toList())
                .as("activeDaysOfWeek")
                .isEqualTo(want.activeDaysOfWeek());
        assertThat(pairs((List<Map<String, Object>>) got.get("searchPatterns"), "term", "count"))
                .as("searchPatterns")
                .isEqualTo(longs(want.searchPatterns()));
        assertThat(got.get("browsingStyle")).as("browsingStyle").isEqualTo(want.browsingStyle());
        assertThat(number(got.get("engagementScore"))).as("engagementScore").isEqualTo(want.engagementScore());
        assertThat(number(got.get("usualGapDays"))).as("usualGapDays").isEqualTo(want.usualGapDays());
    }

    private static List<List<Object>> pairs(List<Map<String, Object>> items, String key, String value) {
        return items.stream()
                .map(i -> List.<Object>of(i.get(key), number(i.get(value))))
                .toList();
    }

    private static List<List<Object>> doubles(List<Map.Entry<String, Double>> entries) {
        return entries.stream()
                .map(e -> List.<Object>of(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<List<Object>> longs(List<Map.Entry<String, Long>> entries) {
        return entries.stream()
                .map(e -> List.<Object>of(e.getKey(), e.getValue()))
                .toList();
    }

    /** A JSON number as a long when it is whole and was written without a fraction, else a double. */
    private static Object number(Object n) {
        if (n instanceof Integer || n instanceof Long) {
            return ((Number) n).longValue();
        }
        if (n instanceof Number x) {
            return x.doubleValue();
        }
        return n;
    }
}
