package com.newsmell.recommendation;

import static com.newsmell.recommendation.RecommendationEvents.clicked;
import static com.newsmell.recommendation.RecommendationEvents.rating;
import static com.newsmell.recommendation.RecommendationEvents.shown;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.IdentityLinks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.WireEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0064 against the real broker and database: the anonymous visitor's feedback rows and conversions get the user of
 * an identity link, whichever of the link and the events comes first; erasing the user erases them and the link.
 */
@QuarkusTest
@QuarkusTestResource(FeedbackTestResource.class)
class IdentityStitchingTest {

    private static final String DB = FeedbackTestResource.DATABASE;
    private static final Instant T0 = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);

    /** An impression without a session, its click in a session, and a rating without a session: all anonymous. */
    private static List<UserInteractionEvent> anonymousHistory(String anon, String rec, String session) {
        return List.of(
                shown(null, rec, "p-1", T0, 0).anonymousId(anon).build(),
                clicked(session, rec, "p-1", T0.plusSeconds(20))
                        .anonymousId(anon)
                        .build(),
                rating(null, "p-1", T0.plusSeconds(60), 4).anonymousId(anon).build());
    }

    private static void awaitTheUsers(String rec, String anon, String user) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/v1/recommendations/" + rec + "/feedback")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0].userId", equalTo(user))
                    .body("items[0].identity", equalTo("user"))
                    .body("items[0].clicked", equalTo(true));
            assertThat(Sql.count(
                            DB,
                            "select count(*) from recommendation_conversion where anonymous_id = ? and user_id = ?",
                            anon,
                            user))
                    .isOne();
        });
        given().queryParam("userId", user)
                .get("/v1/recommendations/feedback")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void eventsFirstThenTheLinkGiveTheRowsTheUser() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        String session = "s-" + UUID.randomUUID();
        WireEvents.publish(anonymousHistory(anon, rec, session));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(
                                DB,
                                "select count(*) from recommendation_feedback where visitor_id = ? and clicked"
                                        + " and user_id is null",
                                anon)
                        == 1);

        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(30)));
        awaitTheUsers(rec, anon, user);
        assertThat(Sql.count(
                        DB, "select count(*) from viewer_session where session_id = ? and user_id = ?", session, user))
                .isOne();
    }

    @Test
    void theLinkFirstThenTheEventsGiveTheSameRows() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        String session = "s-" + UUID.randomUUID();
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(30)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(DB, "select count(*) from identity_link where anonymous_id = ?", anon) == 1);

        WireEvents.publish(anonymousHistory(anon, rec, session));
        awaitTheUsers(rec, anon, user);
        assertThat(Sql.count(
                        DB, "select count(*) from viewer_session where session_id = ? and user_id = ?", session, user))
                .isOne();
    }

    @Test
    void poisonIsDeadLetteredAndErasureTakesTheStitchedRowsAndTheLink() {
        String marker = "poison-" + UUID.randomUUID();
        IdentityLinks.publishRaw(marker, "{\"anonymousId\":\"" + marker + "\",\"userId\":\"u\"}");
        var dead = ConsumerChecks.awaitDeadLetters(marker, "recommendation-feedback-service-identity-links", 1);
        assertThat(dead.get(0).headers().get(DeadLetterHeaders.REASON)).startsWith("invalid identity-links record");

        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        String rec = "r-" + UUID.randomUUID();
        WireEvents.publish(anonymousHistory(anon, rec, "s-" + UUID.randomUUID()));
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(30)));
        awaitTheUsers(rec, anon, user);

        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "recommendation-feedback-service");
        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup())
                .containsEntry("ledger", 1L)
                .containsEntry("conversions", 1L)
                .containsEntry("identity-links", 1L);
        assertThat(Sql.count(DB, "select count(*) from recommendation_feedback where visitor_id = ?", anon))
                .isZero();
    }
}
