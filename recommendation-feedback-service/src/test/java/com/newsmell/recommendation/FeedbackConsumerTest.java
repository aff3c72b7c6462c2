package com.newsmell.recommendation;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.data;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import com.newsmell.toolkit.api.ApiConvention;
import com.newsmell.toolkit.api.ApiDocs;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The consumer against the real broker and database, read back through the API. */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class FeedbackConsumerTest {

    private static final Instant T0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
    private static final String SOURCE = "recommendation-feedback-service";

    @Test
    void aShownThenClickedRecommendationIsViewedAndClicked() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(shown(sessionId, rec, "p-1", T0, 2)
                .userId("u-1")
                .eventData(data("collaborative", "homepage", 2, 0.75, 0.625))
                .build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items[0].impressionTime", notNullValue()));

        WireEvents.publish(List.of(
                clicked(sessionId, rec, "p-1", T0.plusSeconds(30)).userId("u-1").build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("recommendationId", equalTo(rec))
                        .body("items", hasSize(1))
                        .body("items[0].userId", equalTo("u-1"))
                        .body("items[0].perfumeId", equalTo("p-1"))
                        .body("items[0].source", equalTo("homepage"))
                        .body("items[0].algorithm", equalTo("collaborative"))
                        .body("items[0].position", equalTo(2))
                        .body("items[0].identity", equalTo("user"))
                        .body("items[0].anonymousId", equalTo(sessionId))
                        .body("items[0].viewed", equalTo(false))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].impressionTime", equalTo(JsonConvention.format(T0)))
                        .body("items[0].clickTime", equalTo(JsonConvention.format(T0.plusSeconds(30))))
                        .body("items[0].timeToClickMs", equalTo(30000))
                        .body("items[0].firstInteractionTime", equalTo(JsonConvention.format(T0.plusSeconds(30))))
                        .body("items[0].confidence", equalTo(0.75f))
                        .body("items[0].similarityScore", equalTo(0.625f)));
    }

    @Test
    void aClickBeforeItsImpressionStillCountsAndTheEarliestEventsWin() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(
                List.of(clicked(sessionId, rec, "p-1", T0.plusSeconds(10)).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items[0]", not(hasKey("userId")))
                        .body("items[0].anonymousId", equalTo(sessionId))
                        .body("items[0].identity", equalTo("anonymous"))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].impressionTime", nullValue())
                        .body("items[0].algorithm", nullValue())
                        .body("items[0].firstInteractionTime", equalTo(JsonConvention.format(T0.plusSeconds(10)))));

        // Later events with earlier timestamps: the earliest SHOWN sets the impression and its context, the
        // earliest CLICKED the first interaction time, whatever the arrival order.
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-1", T0.plusSeconds(20), 5)
                        .eventData(data("trending", "email", 5, 0.5, 0.25))
                        .build(),
                shown(sessionId, rec, "p-1", T0, 1)
                        .eventData(data("content-based", "detail_page", 1, 0.875, null))
                        .build(),
                clicked(sessionId, rec, "p-1", T0.plusSeconds(5)).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].anonymousId", equalTo(sessionId))
                        .body("items[0].clicked", equalTo(true))
                        .body("items[0].impressionTime", equalTo(JsonConvention.format(T0)))
                        .body("items[0].firstInteractionTime", equalTo(JsonConvention.format(T0.plusSeconds(5))))
                        .body("items[0].algorithm", equalTo("content-based"))
                        .body("items[0].source", equalTo("detail_page"))
                        .body("items[0].position", equalTo(1))
                        .body("items[0].confidence", equalTo(0.875f))
                        .body("items[0].similarityScore", nullValue()));
    }

    @Test
    void twoPerfumesOfOneRecommendationAreListedByPosition() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-b", T0, 1).userId("u-2").build(),
                shown(sessionId, rec, "p-a", T0, 0).userId("u-2").build(),
                clicked(sessionId, rec, "p-b", T0.plusSeconds(3)).userId("u-2").build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items.perfumeId", contains("p-a", "p-b"))
                        .body("items.position", contains(0, 1))
                        .body("items.impressionTime", contains(notNullValue(), notNullValue()))
                        .body("items.clicked", contains(false, true))
                        .body("items.userId", contains("u-2", "u-2")));
    }

    @Test
    void aRedeliveredEventChangesNothingTwice() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        UserInteractionEvent show = shown(sessionId, rec, "p-1", T0, 0).build();
        UserInteractionEvent click =
                clicked(sessionId, rec, "p-1", T0.plusSeconds(1)).build();
        WireEvents.publish(List.of(show, click, show));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec))
                        .then()
                        .statusCode(200)
                        .body("items[0].impressionTime", notNullValue())
                        .body("items[0].clicked", equalTo(true)));
        String updatedAt = updatedAt(rec, "p-1");

        // The redelivery, then a fresh event on the same partition (same key) to know it has been consumed.
        WireEvents.publish(
                List.of(show, click, shown(sessionId, rec, "p-2", T0, 1).build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get(feedback(rec)).then().statusCode(200).body("items", hasSize(2)));

        assertThat(updatedAt(rec, "p-1")).isEqualTo(updatedAt);
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from processed_event where event_id in (cast(? as uuid), cast(? as uuid))",
                        show.eventId(),
                        click.eventId()))
                .isEqualTo(2);
    }

    @Test
    void botTrafficIsIgnored() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(List.of(
                shown(sessionId, rec, "p-bot", T0, 0)
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                clicked(sessionId, rec, "p-bot", T0.plusSeconds(1))
                        .isBot(true)
                        .botReason("user-agent")
                        .build(),
                shown(sessionId, rec, "p-human", T0, 1).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        given().get(feedback(rec)).then().statusCode(200).body("items.perfumeId", contains("p-human")));
        assertThat(Sql.count(
                        FeedbackTestResource.DATABASE,
                        "select count(*) from recommendation_feedback where recommendation_id = ? and perfume_id = ?",
                        rec,
                        "p-bot"))
                .isZero();
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        ConsumerChecks.publishPoison(sessionId);
        WireEvents.publish(List.of(
                WireEvents.event(PAGE_VIEW, sessionId, T0).build(),
                shown(sessionId, rec, "p-1", T0, 0).build()));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(feedback(rec)).then().statusCode(200));
        ConsumerChecks.awaitPoisonDeadLettered(sessionId, SOURCE);
    }

    @Test
    void aDatabaseOutagePausesTheConsumerWithoutLosingEvents() {
        String sessionId = "s-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        ConsumerChecks.pausesDuringDatabaseOutage(
                SOURCE,
                WireEvents.interactionsTopic(),
                () -> WireEvents.publish(List.of(
                        shown(sessionId, rec, "p-1", T0, 0).build(),
                        clicked(sessionId, rec, "p-1", T0.plusSeconds(1)).build())),
                () -> Sql.count(
                                FeedbackTestResource.DATABASE,
                                "select count(*) from recommendation_feedback"
                                        + " where recommendation_id = ? and impression_time is not null and clicked",
                                rec)
                        == 1);
    }

    @Test
    void unknownRecommendationIsAProblem() {
        given().get(feedback("nope-" + UUID.randomUUID()))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    // ---- GET /v1/recommendations/metrics (ADR 0015) over one data set around the end of summer time in Berlin
    // (2025-10-26 is a 25-hour day there: [2025-10-25T22:00Z, 2025-10-26T23:00Z)).

    private static final String METRICS = "/v1/recommendations/metrics";
    private static boolean metricsDataPublished;

    /**
     * The metrics data set, published once: impressions (a, b, c), a click without impression (g), and an impression
     * of the day before (h) for compare. Impressions always carry their algorithm, source and position (the contract
     * requires them of RECOMMENDATION_SHOWN), so (unknown) holds the click without impression.
     */
    private static synchronized void publishMetricsDataSet() {
        if (metricsDataPublished) {
            return;
        }
        String run = UUID.randomUUID().toString();
        String sA = "s-a-" + run;
        String sB = "s-b-" + run;
        String sC = "s-c-" + run;
        Instant sunday0030 = Instant.parse("2025-10-25T22:30:00Z"); // Berlin 2025-10-26 00:30, UTC 2025-10-25
        WireEvents.publish(List.of(
                // Berlin day 2025-10-26: 3 impressions, 2 clicked (one a day later); 1 click without impression.
                shown(sA, "m-a-" + run, "p-1", sunday0030, 0)
                        .eventData(data("collaborative", "homepage", 0, null, null))
                        .build(),
                shown(sA, "m-a-" + run, "p-2", sunday0030, 1)
                        .eventData(data("collaborative", "homepage", 1, null, null))
                        .build(),
                clicked(sA, "m-a-" + run, "p-1", sunday0030.plusSeconds(60)).build(),
                shown(sB, "m-b-" + run, "p-1", Instant.parse("2025-10-26T12:00:00Z"), 0)
                        .eventData(data("trending", "email", 0, null, null))
                        .build(),
                clicked(sB, "m-b-" + run, "p-1", Instant.parse("2025-10-27T09:00:00Z"))
                        .build(),
                clicked(sB, "m-g-" + run, "p-9", Instant.parse("2025-10-26T10:00:00Z"))
                        .build(),
                // Berlin day 2025-10-27 (UTC 2025-10-26 23:30).
                shown(sC, "m-c-" + run, "p-1", Instant.parse("2025-10-26T23:30:00Z"), 3)
                        .eventData(data("content-based", "search", 3, null, null))
                        .build(),
                // Berlin day 2025-10-25: the previous period of 2025-10-26.
                shown(sC, "m-h-" + run, "p-1", Instant.parse("2025-10-25T12:00:00Z"), 2)
                        .eventData(data("collaborative", "search", 2, null, null))
                        .build(),
                clicked(sC, "m-h-" + run, "p-1", Instant.parse("2025-10-25T12:01:00Z"))
                        .build()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> metrics("from=2025-10-25&to=2025-10-28&tz=Europe/Berlin")
                        .body("totals.impressions", equalTo(5))
                        .body("totals.clicks", equalTo(3))
                        .body("totals.clicksWithoutImpression", equalTo(1)));
        metricsDataPublished = true;
    }

    @Test
    void metricsCountImpressionsClicksAndTheRateExactlyPerDayOfTheZone() {
        publishMetricsDataSet();

        metrics("from=2025-10-26&to=2025-10-28&tz=Europe/Berlin")
                .body("from", equalTo("2025-10-25T22:00:00.000Z"))
                .body("to", equalTo("2025-10-27T23:00:00.000Z"))
                .body("tz", equalTo("Europe/Berlin"))
                .body("granularity", equalTo("day"))
                .body("asOf", notNullValue())
                .body("totals.impressions", equalTo(4))
                .body("totals.clicks", equalTo(2))
                .body("totals.clickThroughRate", equalTo(0.5))
                .body("totals.clicksWithoutImpression", equalTo(1))
                .body("buckets.start", contains("2025-10-25T22:00:00.000Z", "2025-10-26T23:00:00.000Z"))
                .body("buckets.impressions", contains(3, 1))
                .body("buckets.clicks", contains(2, 0))
                .body("buckets.clickThroughRate", contains(2.0 / 3, 0.0))
                .body("buckets.clicksWithoutImpression", contains(1, 0))
                .body("breakdown", nullValue())
                .body("compare", nullValue());

        // The same dates in UTC are other days; a day without impressions has no rate.
        metrics("from=2025-10-26&to=2025-10-28")
                .body("tz", equalTo("UTC"))
                .body("buckets.start", contains("2025-10-26T00:00:00.000Z", "2025-10-27T00:00:00.000Z"))
                .body("buckets.impressions", contains(2, 0))
                .body("buckets.clicks", contains(1, 0))
                .body("buckets[0].clickThroughRate", equalTo(0.5))
                .body("buckets[1]", not(hasKey("clickThroughRate")))
                .body("totals.clicksWithoutImpression", equalTo(1));

        metrics("from=2025-10-26T12:00:00Z&to=2025-10-26T14:00:00Z&granularity=hour")
                .body("granularity", equalTo("hour"))
                .body("buckets.start", contains("2025-10-26T12:00:00.000Z", "2025-10-26T13:00:00.000Z"))
                .body("buckets.impressions", contains(1, 0))
                .body("buckets.clicks", contains(1, 0))
                .body("totals.clickThroughRate", equalTo(1.0));
    }

    @Test
    void metricsBreakDownByAlgorithmWithUnknownFilterAndCompare() {
        publishMetricsDataSet();
        String days = "from=2025-10-26&to=2025-10-28&tz=Europe/Berlin";

        // Most impressions first; the click without impression has no algorithm: (unknown).
        String next = metrics(days + "&breakdown=algorithm&limit=2")
                .body("buckets", nullValue())
                .body("totals.impressions", equalTo(4))
                .body("breakdown.dimension", equalTo("algorithm"))
                .body("breakdown.items.value", contains("collaborative", "trending"))
                .body("breakdown.items.totals.impressions", contains(2, 1))
                .body("breakdown.items.totals.clicks", contains(1, 1))
                .body("breakdown.items.totals.clickThroughRate", contains(0.5, 1.0))
                .body("breakdown.nextCursor", notNullValue())
                .extract()
                .path("breakdown.nextCursor");
        metrics(days + "&breakdown=algorithm&limit=2&cursor=" + next)
                .body("breakdown.items.value", contains("content-based", "(unknown)"))
                .body("breakdown.items.totals.impressions", contains(1, 0))
                .body("breakdown.items.totals.clicks", contains(0, 0))
                .body("breakdown.items[0].totals.clickThroughRate", equalTo(0.0))
                .body("breakdown.items[1].totals", not(hasKey("clickThroughRate")))
                .body("breakdown.items.totals.clicksWithoutImpression", contains(0, 1))
                .body("breakdown.nextCursor", nullValue());
        metrics(days + "&breakdown=position")
                .body("breakdown.items.value", contains("0", "1", "3", "(unknown)"))
                .body("breakdown.items.totals.impressions", contains(2, 1, 1, 0))
                .body("breakdown.items.totals.clicks", contains(2, 0, 0, 0));

        metrics(days + "&filters=position==0")
                .body("filters.position", equalTo("==0"))
                .body("totals.impressions", equalTo(2))
                .body("totals.clicks", equalTo(2))
                .body("totals.clickThroughRate", equalTo(1.0))
                .body("totals.clicksWithoutImpression", equalTo(0));
        metrics(days + "&filters=algorithm==trending|(unknown)")
                .body("filters.algorithm", equalTo("==trending|(unknown)"))
                .body("totals.impressions", equalTo(1))
                .body("totals.clicks", equalTo(1))
                .body("totals.clicksWithoutImpression", equalTo(1));
        metrics(days + "&filters=algorithm!=collaborative;source==email")
                .body("totals.impressions", equalTo(1))
                .body("totals.clicks", equalTo(1))
                .body("totals.clicksWithoutImpression", equalTo(0));

        // The previous period of the Berlin day 2025-10-26 is the Berlin day 2025-10-25.
        metrics("from=2025-10-26&to=2025-10-27&tz=Europe/Berlin&compare=previous_period")
                .body("totals.impressions", equalTo(3))
                .body("compare.from", equalTo("2025-10-24T22:00:00.000Z"))
                .body("compare.to", equalTo("2025-10-25T22:00:00.000Z"))
                .body("compare.totals.impressions", equalTo(1))
                .body("compare.totals.clicks", equalTo(1))
                .body("compare.totals.clickThroughRate", equalTo(1.0))
                .body("compare.change.impressions.difference", equalTo(2))
                .body("compare.change.impressions.percent", equalTo(200.0))
                .body("compare.change.clicks.difference", equalTo(1))
                .body("compare.change.clicks.percent", equalTo(100.0))
                .body("compare.change.clicksWithoutImpression.difference", equalTo(1))
                .body("compare.change.clicksWithoutImpression", not(hasKey("percent")));
    }

    @Test
    void metricsAnswerCsvAndRejectWhatTheyDoNotTake() {
        publishMetricsDataSet();

        assertThat(given().accept(ApiConvention.CSV)
                        .get(METRICS + "?from=2025-10-26&to=2025-10-28&tz=Europe/Berlin")
                        .then()
                        .statusCode(200)
                        .contentType(startsWith(ApiConvention.CSV))
                        .extract()
                        .asString())
                .startsWith("start,provisional,impressions,clicks,clickThroughRate,clicksWithoutImpression,views,"
                        + "viewRate,wishlistAdds,wishlistRate,")
                .contains("\r\n2025-10-25T22:00:00.000Z,false,3,2,0.6666666666666666,1,0,0.0,")
                .contains("\r\n2025-10-26T23:00:00.000Z,false,1,0,0.0,0,0,0.0,")
                .hasLineCount(3);
        assertThat(given().accept(ApiConvention.CSV)
                        .get(METRICS + "?from=2025-10-26&to=2025-10-28&tz=Europe/Berlin&breakdown=algorithm")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .startsWith("value,totals.impressions,totals.clicks,totals.clickThroughRate,"
                        + "totals.clicksWithoutImpression,totals.views,")
                .contains("\r\ncollaborative,2,1,0.5,0,0,0.0,");

        problem(METRICS + "?from=2025-10-26&to=2025-10-28&houseId=h-1", "houseId", "unknown");
        // Bot events are never stored here, so includeBots is no parameter of this endpoint.
        problem(METRICS + "?from=2025-10-26&to=2025-10-28&includeBots=true", "includeBots", "unknown");
        problem(METRICS + "?from=2025-10-26&to=2025-10-28&breakdown=country", "breakdown", "enum");
        problem(METRICS + "?from=2025-10-26&to=2025-10-28&filters=source==web", "filters", "enum");
        problem(METRICS + "?from=2025-10-26&to=2025-10-28&filters=position==first", "filters", "format");
        problem(METRICS + "?from=2025-10-26T10:30:00Z&to=2025-10-28", "from", "grid");
        problem(METRICS + "?from=2025-10-28&to=2025-10-26", "to", "after-from");
        problem(METRICS + "?to=2025-10-26", "from", "required");
    }

    // ---- GET /v1/recommendations/feedback: the impressions of a window, keyset-paged (ADR 0015).

    @Test
    void theImpressionsOfAWindowArePagedByTimeAndExportedAsCsv() {
        String run = UUID.randomUUID().toString();
        String s1 = "s-l1-" + run;
        String s2 = "s-l2-" + run;
        Instant june10 = Instant.parse("2025-06-10T08:00:00Z");
        WireEvents.publish(List.of(
                shown(s1, "l-1-" + run, "p-1", june10, 0)
                        .eventData(data("collaborative", "homepage", 0, 0.5, null))
                        .build(),
                shown(s1, "l-1-" + run, "p-2", june10, 1)
                        .eventData(data("trending", "homepage", 1, null, null))
                        .build()));
        // One session (one partition, in order): once the last click shows, the earlier events were consumed.
        WireEvents.publish(List.of(
                shown(s2, "l-2-" + run, "p-1", june10.plus(Duration.ofHours(25)), 0)
                        .eventData(data("collaborative", "detail_page", 0, null, null))
                        .build(),
                clicked(s2, "l-3-" + run, "p-1", june10.plusSeconds(3600)).build(),
                shown(s2, "l-4-" + run, "p-1", june10.plus(Duration.ofHours(26)), 4)
                        .eventData(data("content-based", "search", 4, null, null))
                        .build(),
                clicked(s2, "l-2-" + run, "p-1", june10.plus(Duration.ofHours(27)))
                        .build()));
        String list = "/v1/recommendations/feedback?from=2025-06-10&to=2025-06-12";
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(list)
                        .then()
                        .statusCode(200)
                        .body("items.clicked", contains(false, false, true, false)));

        // The click without an impression (l-3) is no impression, so it is not listed.
        String next = given().get(list + "&limit=3")
                .then()
                .statusCode(200)
                .body("from", equalTo("2025-06-10T00:00:00.000Z"))
                .body("to", equalTo("2025-06-12T00:00:00.000Z"))
                .body("tz", equalTo("UTC"))
                .body("items.recommendationId", contains("l-1-" + run, "l-1-" + run, "l-2-" + run))
                .body("items.perfumeId", containsInAnyOrder("p-1", "p-2", "p-1"))
                .body(
                        "items.impressionTime",
                        contains("2025-06-10T08:00:00.000Z", "2025-06-10T08:00:00.000Z", "2025-06-11T09:00:00.000Z"))
                .body("items[2].firstInteractionTime", equalTo("2025-06-11T11:00:00.000Z"))
                .body("items[2].source", equalTo("detail_page"))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        given().get(list + "&limit=3&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items.recommendationId", contains("l-4-" + run))
                .body("items[0].algorithm", equalTo("content-based"))
                .body("items[0]", not(hasKey("firstInteractionTime")))
                .body("nextCursor", nullValue());

        given().get(list + "&algorithm=trending").then().statusCode(200).body("items.perfumeId", contains("p-2"));
        // Impressions always say their algorithm (the contract requires it): none is (unknown).
        given().get(list + "&algorithm=(unknown)").then().statusCode(200).body("items", hasSize(0));
        given().get("/v1/recommendations/feedback?from=2025-06-10&to=2025-06-12&tz=Europe/Berlin")
                .then()
                .statusCode(200)
                .body("from", equalTo("2025-06-09T22:00:00.000Z"))
                .body("tz", equalTo("Europe/Berlin"))
                .body("items", hasSize(4));

        String csv = given().accept(ApiConvention.CSV)
                .get(list)
                .then()
                .statusCode(200)
                .contentType(startsWith(ApiConvention.CSV))
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).startsWith("recommendationId,anonymousId,identity,perfumeId,source,algorithm,position,");
        assertThat(csv)
                .contains("l-2-" + run + "," + s2 + ",anonymous,p-1,detail_page,collaborative,0,,false,"
                        + "2025-06-11T09:00:00.000Z,true,2025-06-11T11:00:00.000Z,7200000,");

        problem("/v1/recommendations/feedback?to=2025-06-12", "from", "required");
        problem("/v1/recommendations/feedback?from=2025-01-01&to=2025-06-12", "to", "max-range");
        problem(list + "&cursor=nope", "cursor", "format");
        problem(list + "&type=RECOMMENDATION_SHOWN", "type", "unknown");
    }

    @Test
    void theImpressionsOfAUserAreKeysetPagedWithOrWithoutAWindowTheirStitchedSessionsIncluded() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String user = "u-" + run;
        String own = "s-own-" + run; // the user's own identified session
        String later = "s-later-" + run; // anonymous, identified as the user afterwards (stitched)
        String other = "s-other-" + run; // someone else's
        Instant t0 = Instant.parse("2025-07-01T10:00:00Z");
        WireEvents.publish(List.of(
                shown(own, "o-1-" + run, "p-1", t0, 0).userId(user).build(),
                clicked(own, "o-1-" + run, "p-1", t0.plusSeconds(5))
                        .userId(user)
                        .build(),
                shown(later, "o-2-" + run, "p-2", t0.plus(Duration.ofDays(30)), 1)
                        .build(),
                WireEvents.event(PAGE_VIEW, later, t0.plus(Duration.ofDays(30)).plusSeconds(60))
                        .userId(user)
                        .build(),
                shown(own, "o-3-" + run, "p-3", t0.plus(Duration.ofDays(200)), 2)
                        .userId(user)
                        .build(),
                shown(other, "o-4-" + run, "p-1", t0.plusSeconds(1), 0)
                        .userId("someone-else-" + run)
                        .build()));
        String list = "/v1/recommendations/feedback?userId=" + user;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get(list)
                        .then()
                        .statusCode(200)
                        .body("items.recommendationId", contains("o-1-" + run, "o-2-" + run, "o-3-" + run)));

        // without a window (a list filtered by an id, ADR 0015), 200 days apart; paged by the same keyset cursors
        String next = given().get(list + "&limit=2")
                .then()
                .statusCode(200)
                .body("items.userId", contains(user, user))
                .body("items.identity", contains("user", "user"))
                .body("items.clicked", contains(true, false))
                .body("items[0].timeToClickMs", equalTo(5000))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        given().get(list + "&limit=2&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items.recommendationId", contains("o-3-" + run))
                .body("nextCursor", nullValue());
        // a window narrows it
        given().get(list + "&from=2025-07-15&to=2025-08-15")
                .then()
                .statusCode(200)
                .body("items.recommendationId", contains("o-2-" + run))
                .body("from", equalTo("2025-07-15T00:00:00.000Z"));
        given().get(list + "&algorithm=(unknown)").then().statusCode(200).body("items", hasSize(0));
        given().get("/v1/recommendations/feedback?userId=nobody-" + run)
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        // a blank userId is none: the window is required again
        given().queryParam("userId", " ")
                .get("/v1/recommendations/feedback")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("required"));
        problem(list + "&from=2025-08-15&to=2025-07-15", "to", "after-from");
        problem(list + "&limit=0", "limit", "range");
    }

    @Test
    void theOpenApiTypesTheParametersAndListsCsvOnListsAndMetricsOnly() {
        String metrics = "paths.'/v1/recommendations/metrics'.get.";
        String list = "paths.'/v1/recommendations/feedback'.get.";
        String one = "paths.'/v1/recommendations/{recommendationId}/feedback'.get.";
        given().accept(ContentType.JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(metrics + "parameters.find { it.name == 'from' }.schema.format", equalTo("date-time"))
                .body(metrics + "parameters.find { it.name == 'from' }.required", equalTo(true))
                .body(metrics + "parameters.find { it.name == 'to' }.required", equalTo(true))
                .body(
                        metrics + "parameters.name",
                        containsInAnyOrder(
                                "from",
                                "to",
                                "tz",
                                "granularity",
                                "breakdown",
                                "filters",
                                "compare",
                                "limit",
                                "cursor",
                                "algorithm",
                                "source",
                                "groupBy"))
                .body(
                        metrics + "parameters.find { it.name == 'groupBy' }.schema.enum",
                        contains("day", "position", "source", "algorithm"))
                .body(
                        metrics + "parameters.find { it.name == 'breakdown' }.schema.enum",
                        contains("algorithm", "source", "position", "perfumeId"))
                .body(metrics + "parameters.find { it.name == 'granularity' }.schema.enum", contains("hour", "day"))
                .body(metrics + "parameters.find { it.name == 'compare' }.schema.enum", contains("previous_period"))
                .body(metrics + "parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body(metrics + "parameters.find { it.name == 'limit' }.schema.maximum", equalTo(1000))
                .body(metrics + "parameters.find { it.name == 'tz' }.description", equalTo(ApiDocs.TZ))
                .body(
                        metrics + "responses.'200'.content.keySet()",
                        containsInAnyOrder(ApiConvention.JSON, ApiConvention.CSV))
                .body(metrics + "responses.'400'.content.keySet()", contains("application/problem+json"))
                .body(
                        list + "parameters.name",
                        containsInAnyOrder("from", "to", "tz", "algorithm", "userId", "limit", "cursor"))
                // from and to: required without userId (a list bounded by time alone), optional with it
                .body(list + "parameters.find { it.name == 'from' }.description", startsWith("Required without userId"))
                .body(list + "parameters.find { it.name == 'userId' }.schema.type", equalTo("string"))
                .body(list + "parameters.find { it.name == 'to' }.schema.format", equalTo("date-time"))
                .body(list + "parameters.find { it.name == 'limit' }.schema.maximum", equalTo(1000))
                .body(
                        list + "responses.'200'.content.keySet()",
                        containsInAnyOrder(ApiConvention.JSON, ApiConvention.CSV))
                .body(one + "parameters[0].description", notNullValue())
                .body(one + "responses.'200'.content.keySet()", contains(ApiConvention.JSON))
                .body(one + "responses.'404'.content.keySet()", contains("application/problem+json"));
    }

    /** A metrics answer (JSON, rates as doubles), asserted to be 200. */
    private static ValidatableResponse metrics(String query) {
        return given().config(DOUBLES)
                .get(METRICS + "?" + query)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    private static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private static void problem(String url, String parameter, String rule) {
        given().get(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo(parameter))
                .body("errors[0].rule", equalTo(rule));
    }

    private static String feedback(String recommendationId) {
        return "/v1/recommendations/" + recommendationId + "/feedback";
    }

    private static String updatedAt(String recommendationId, String perfumeId) {
        return (String) Sql.query(
                        FeedbackTestResource.DATABASE,
                        "select cast(updated_at as text) as u from recommendation_feedback"
                                + " where recommendation_id = ? and perfume_id = ?",
                        recommendationId,
                        perfumeId)
                .get(0)
                .get("u");
    }
}
