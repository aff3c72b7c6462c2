package com.newsmell.perfumestats;

import static com.newsmell.contract.InteractionEventType.COLLECTION_ADD;
import static com.newsmell.contract.InteractionEventType.COLLECTION_REMOVE;
import static com.newsmell.contract.InteractionEventType.COLLECTION_UPDATE;
import static com.newsmell.contract.InteractionEventType.PERFUME_VIEW;
import static com.newsmell.contract.InteractionEventType.RATING_COMPLETED;
import static com.newsmell.contract.InteractionEventType.RATING_UPDATED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_CLICKED;
import static com.newsmell.contract.InteractionEventType.RECOMMENDATION_SHOWN;
import static com.newsmell.contract.InteractionEventType.REVIEW_SUBMITTED;
import static com.newsmell.contract.InteractionEventType.REVIEW_UPDATED;
import static com.newsmell.contract.InteractionEventType.TRADE_ACCEPTED;
import static com.newsmell.contract.InteractionEventType.TRADE_INQUIRY;
import static com.newsmell.contract.InteractionEventType.WISHLIST_ADD;
import static com.newsmell.contract.InteractionEventType.WISHLIST_REMOVE;
import static com.newsmell.perfumestats.Events.bot;
import static com.newsmell.perfumestats.Events.perfume;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven scenarios: each publishes events to the real broker and checks the exact value of the fields it is
 * about through the HTTP API. A scenario's events are in one session (one partition, consumed in order), and the
 * expected values are awaited, so the scenarios are independent of each other and of their order.
 */
@QuarkusTest
@QuarkusTestResource(PerfumeStatsTestResource.class)
class PerfumeStatsScenariosTest {

    private static final Instant T = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);

    /** A scenario: its events for the perfume p (given the session helpers), and the expected fields. */
    record Scenario(String name, Function<Ctx, List<UserInteractionEvent>> events, Map<String, Object> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The perfume under test and two users' sessions. */
    record Ctx(String p, Events u1, Events u2, Events anonymous) {}

    static Stream<Arguments> scenarios() {
        return Stream.of(
                        new Scenario(
                                "views: count, lastViewedAt, durations, unique viewers; bots left out",
                                c -> List.of(
                                        c.u1().view(c.p(), T, 1000),
                                        c.u1().view(c.p(), T.plusSeconds(20)), // no duration
                                        c.u2().of(PERFUME_VIEW, c.p(), T.plusSeconds(10))
                                                .duration(3000)
                                                .build(), // the envelope's duration
                                        c.anonymous().view(c.p(), T.plusSeconds(5), 2000),
                                        bot(c.u1().view(c.p(), T.plusSeconds(60), 99_000)),
                                        bot(new Events("bot-" + UUID.randomUUID()).view(c.p(), T.plusSeconds(61)))),
                                Map.of(
                                        "totalViews",
                                        4,
                                        "uniqueViewers",
                                        3,
                                        "avgViewDurationMs",
                                        2000.0,
                                        "avgViewDuration", // deprecated (issue #22), the same value for one release
                                        2000.0,
                                        "lastViewedAt",
                                        T.plusSeconds(20))),
                        new Scenario(
                                "ratings: an update replaces the user's rating; an older update arriving late changes nothing",
                                c -> List.of(
                                        c.u1().rating(RATING_COMPLETED, c.p(), T, 4, 3, 5, 2, 3),
                                        c.u1().rating(RATING_UPDATED, c.p(), T.plusSeconds(10), 2, 4, null, 2, 3),
                                        c.u2().rating(RATING_UPDATED, c.p(), T.plusSeconds(30), 5, 2, 1, 4, 1),
                                        c.u2().rating(
                                                        RATING_COMPLETED,
                                                        c.p(),
                                                        T.plusSeconds(20),
                                                        1,
                                                        1,
                                                        1,
                                                        1,
                                                        1), // older
                                        c.u1().rating(
                                                        RATING_UPDATED,
                                                        c.p(),
                                                        T.plusSeconds(10),
                                                        1,
                                                        1,
                                                        1,
                                                        1,
                                                        1), // same time: first stays
                                        bot(c.anonymous().rating(RATING_COMPLETED, c.p(), T, 1, 1, 1, 1, 1))),
                                Map.of(
                                        "totalRatings", 2,
                                        "avgRating", 3.5,
                                        "avgLongevity", 3.0,
                                        "avgSillage", 1.0,
                                        "avgPriceValue", 3.0,
                                        "avgGender", 2.0)),
                        new Scenario(
                                "decimals (the seed's number): a viewDuration of 1234.5 ms and a rating of 4.5 are kept"
                                        + " exactly; every average comes with its numerator and denominator",
                                c -> List.of(
                                        c.u1().view(c.p(), T, 1234.5),
                                        c.u2().view(c.p(), T.plusSeconds(1), 765.5),
                                        c.u1().rating(RATING_COMPLETED, c.p(), T.plusSeconds(2), 4.5, 3.5),
                                        c.u2().rating(RATING_COMPLETED, c.p(), T.plusSeconds(3), 4)),
                                Map.of(
                                        "avgViewDurationMs", 1000.0,
                                        "viewDurationSumMs", 2000.0,
                                        "viewDurationSum", 2000.0, // deprecated (issue #22)
                                        "viewDurationCount", 2,
                                        "avgRating", 4.25,
                                        "ratingSum", 8.5,
                                        "totalRatings", 2,
                                        "avgLongevity", 3.5,
                                        "longevitySum", 3.5,
                                        "longevityCount", 1)),
                        new Scenario(
                                "reviews: REVIEW_SUBMITTED counts, REVIEW_UPDATED doesn't; comments stay 0",
                                c -> List.of(
                                        c.u1().simple(REVIEW_SUBMITTED, c.p(), T),
                                        c.u1().simple(REVIEW_UPDATED, c.p(), T.plusSeconds(1)),
                                        c.u2().simple(REVIEW_SUBMITTED, c.p(), T.plusSeconds(2))),
                                Map.of("totalReviews", 2, "totalComments", 0)),
                        new Scenario(
                                "wishlist: add, remove, add; a remove arriving before its older add; duplicates",
                                c -> List.of(
                                        c.u1().simple(WISHLIST_ADD, c.p(), T),
                                        c.u1().simple(WISHLIST_REMOVE, c.p(), T.plusSeconds(1)),
                                        c.u1().simple(WISHLIST_ADD, c.p(), T.plusSeconds(2)),
                                        c.u1().simple(WISHLIST_ADD, c.p(), T.plusSeconds(3)), // duplicate
                                        c.u2().simple(WISHLIST_REMOVE, c.p(), T.plusSeconds(10)),
                                        c.u2().simple(WISHLIST_ADD, c.p(), T.plusSeconds(5)), // older: stays out
                                        c.anonymous().simple(WISHLIST_REMOVE, c.p(), T)), // never in: not negative
                                Map.of("inWishlistCount", 1)),
                        new Scenario(
                                "collection: set semantics; COLLECTION_UPDATE doesn't count",
                                c -> List.of(
                                        c.u1().simple(COLLECTION_ADD, c.p(), T),
                                        c.u1().simple(COLLECTION_UPDATE, c.p(), T.plusSeconds(1)),
                                        c.u1().simple(COLLECTION_ADD, c.p(), T.plusSeconds(2)),
                                        c.u2().simple(COLLECTION_ADD, c.p(), T),
                                        c.u2().simple(COLLECTION_REMOVE, c.p(), T.plusSeconds(1)),
                                        c.anonymous().simple(COLLECTION_UPDATE, c.p(), T)),
                                Map.of("inCollectionCount", 1, "inWishlistCount", 0)),
                        new Scenario(
                                "trades: inquiries and accepted trades",
                                c -> List.of(
                                        c.u1().simple(TRADE_INQUIRY, c.p(), T),
                                        c.u2().simple(TRADE_INQUIRY, c.p(), T.plusSeconds(1)),
                                        c.u2().simple(TRADE_ACCEPTED, c.p(), T.plusSeconds(2))),
                                Map.of("tradeInquiries", 2, "tradeCompleted", 1)),
                        new Scenario(
                                "search: an impression per search listing the perfume, a click, the CTR",
                                c -> List.of(
                                        c.u1().search(T, "other-" + c.p(), c.p()),
                                        c.u1().searchClick(c.p(), T.plusSeconds(1)),
                                        c.u2().search(T, c.p()),
                                        c.u2().search(T.plusSeconds(3), c.p(), c.p()), // listed twice: one impression
                                        c.u2().search(T.plusSeconds(4), "other-" + c.p())),
                                Map.of("searchImpressions", 3, "searchClicks", 1, "searchCTR", 1.0 / 3)),
                        new Scenario(
                                "recommendations: shows, clicks, the CTR",
                                c -> List.of(
                                        c.u1().recommendation(RECOMMENDATION_SHOWN, c.p(), T),
                                        c.u1().recommendation(RECOMMENDATION_SHOWN, c.p(), T.plusSeconds(1)),
                                        c.u2().recommendation(RECOMMENDATION_SHOWN, c.p(), T.plusSeconds(2)),
                                        c.u2().recommendation(RECOMMENDATION_SHOWN, c.p(), T.plusSeconds(3)),
                                        c.u2().recommendation(RECOMMENDATION_CLICKED, c.p(), T.plusSeconds(4))),
                                Map.of(
                                        "recommendationImpressions",
                                        4,
                                        "recommendationImprs", // deprecated (issue #22)
                                        4,
                                        "recommendationClicks",
                                        1,
                                        "recommendationCTR",
                                        0.25)),
                        new Scenario(
                                "no impressions: the CTRs are null; houseId is the latest seen",
                                c -> List.of(
                                        c.u1().of(PERFUME_VIEW, c.p(), T.plusSeconds(5))
                                                .houseId("h-late")
                                                .build(),
                                        c.u1().of(PERFUME_VIEW, c.p(), T)
                                                .houseId("h-early")
                                                .build()),
                                nullable(
                                        "searchCTR",
                                        null,
                                        "recommendationCTR",
                                        null,
                                        "houseId",
                                        "h-late",
                                        "avgRating",
                                        null)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) {
        String user1 = "u-" + UUID.randomUUID();
        Ctx ctx = new Ctx(perfume(), new Events(user1), new Events("u2-" + UUID.randomUUID()), new Events(null));
        List<UserInteractionEvent> events = scenario.events().apply(ctx);
        // each session's events in their own order, on their partition
        Map<String, List<UserInteractionEvent>> bySession = new HashMap<>();
        events.forEach(e ->
                bySession.computeIfAbsent(e.sessionId(), s -> new ArrayList<>()).add(e));
        List<String> markers = new ArrayList<>();
        for (List<UserInteractionEvent> session : bySession.values()) {
            for (UserInteractionEvent e : session) {
                Events.publish(e); // one record at a time: out-of-order events really arrive out of order
            }
            // a marker perfume viewed last in the session: once it is counted, so is every event before it
            String marker = "marker-" + UUID.randomUUID();
            markers.add(marker);
            Events.publish(WireEvents.event(PERFUME_VIEW, session.get(0).sessionId(), T)
                    .perfumeId(marker)
                    .build());
        }
        markers.forEach(m -> Api.awaitStats(m, Map.of("totalViews", 1)));
        assertThat(Api.mismatches(Api.stats(ctx.p()), scenario.expected())).isEmpty();
    }

    private static Map<String, Object> nullable(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
