package com.newsmell.profile;

import static com.newsmell.contract.InteractionEventType.PAGE_VIEW;
import static com.newsmell.contract.InteractionEventType.SEARCH_PERFORMED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.newsmell.contract.DeadLetterHeaders;
import com.newsmell.contract.ErasureAck;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.infra.ConsumerChecks;
import com.newsmell.infra.Erasures;
import com.newsmell.infra.IdentityLinks;
import com.newsmell.infra.Sql;
import com.newsmell.infra.TopicReader;
import com.newsmell.infra.WireEvents;
import com.newsmell.toolkit.api.JsonConvention;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0064 against the real broker and database: an anonymous visitor's interactions count in the user's profile once
 * an identity link names the user, whichever of the link and the events comes first, once however often the link or
 * the events are delivered; erasing the user forgets the link.
 */
@QuarkusTest
@QuarkusTestResource(ProfileTestResource.class)
class IdentityStitchingTest {

    private static final String DB = ProfileTestResource.DATABASE;
    private static final Instant T0 = Instant.now().minusSeconds(900).truncatedTo(ChronoUnit.MILLIS);

    /** Two page views and a search of the anonymous visitor (without a sessionId), and a page view as the user. */
    private static List<UserInteractionEvent> history(String anon, String user) {
        return List.of(
                event(PAGE_VIEW, anon, 0).build(),
                event(SEARCH_PERFORMED, anon, 10).build(),
                event(PAGE_VIEW, anon, 20).build(),
                event(PAGE_VIEW, anon, 30).userId(user).build());
    }

    private static UserInteractionEvent.Builder event(InteractionEventType type, String anon, int seconds) {
        return WireEvents.event(type, null, T0.plusSeconds(seconds)).anonymousId(anon);
    }

    private static void awaitProfile(String user, int pageViews, int searches) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().post("/v1/profiles/" + user + "/recompute")
                        .then()
                        .statusCode(200)
                        .body("totalPageViews", equalTo(pageViews))
                        .body("totalSearches", equalTo(searches))
                        .body("lastActiveDate", equalTo(JsonConvention.format(T0.plusSeconds(30)))));
    }

    private static void awaitLinksConsumed() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.committedOffsets("profile-service-identity-links", IdentityLinks.topic())
                        == TopicReader.endOffsets(IdentityLinks.topic()));
    }

    private static long parked(String anon) {
        return Sql.count(DB, "select count(*) from anonymous_event where anonymous_id = ?", anon);
    }

    @Test
    void eventsFirstThenTheLinkCountTheAnonymousHistoryOnce() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        List<UserInteractionEvent> events = history(anon, user);
        WireEvents.publish(events);
        WireEvents.publish(events); // redelivered
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(anon) == 3);
        awaitProfile(user, 1, 0);

        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(25)));
        awaitProfile(user, 3, 1);
        assertThat(parked(anon)).isZero();

        // the link again (a redelivery, a replay of the compacted topic) counts nothing twice
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(25)));
        awaitLinksConsumed();
        awaitProfile(user, 3, 1);
    }

    @Test
    void theLinkFirstThenTheEventsGiveTheSameProfile() {
        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(25)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Sql.count(DB, "select count(*) from identity_link where anonymous_id = ?", anon) == 1);

        WireEvents.publish(history(anon, user));
        awaitProfile(user, 3, 1);
        assertThat(parked(anon)).isZero();
    }

    @Test
    void poisonIsDeadLetteredAndErasureForgetsTheLinks() {
        String marker = "poison-" + UUID.randomUUID();
        IdentityLinks.publishRaw(marker, "not json " + marker);
        var dead = ConsumerChecks.awaitDeadLetters(marker, "profile-service-identity-links", 1);
        assertThat(dead.get(0).headers().get(DeadLetterHeaders.REASON)).startsWith("invalid identity-links record");

        String anon = "a-" + UUID.randomUUID();
        String user = "u-" + UUID.randomUUID();
        WireEvents.publish(history(anon, user));
        IdentityLinks.publish(IdentityLinks.link(anon, user, T0.plusSeconds(25)));
        awaitProfile(user, 3, 1);

        ErasureAck ack = Erasures.awaitAck(Erasures.request(user), "profile-service");
        assertThat(ack.status()).isEqualTo(ErasureAck.DONE);
        assertThat(ack.rowsByTableGroup()).containsEntry("identity-links", 1L);
        assertThat(Sql.count(DB, "select count(*) from identity_link where user_id = ?", user))
                .isZero();
        assertThat(Sql.count(DB, "select count(*) from user_day_activity where user_id = ?", user))
                .isZero();
    }
}
