package com.newsmell.toolkit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.IdentityLink;
import com.newsmell.contract.InteractionCategory;
import com.newsmell.contract.InteractionEventType;
import com.newsmell.contract.UserInteractionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkPrecedenceTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static IdentityLink link(String user, Instant at) {
        return new IdentityLink("anon-1", user, "identify", at, "web", null);
    }

    @Test
    void theFirstLinkIsStored() {
        assertThat(LinkPrecedence.supersedes(null, link("u1", T))).isTrue();
    }

    @Test
    void aRedeliveredLinkChangesNothing() {
        assertThat(LinkPrecedence.supersedes(new LinkPrecedence.Stored("u1", T), link("u1", T)))
                .isFalse();
    }

    @Test
    void theLatestLinkWinsInAnyOrder() {
        var older = new LinkPrecedence.Stored("u1", T);
        var newer = new LinkPrecedence.Stored("u2", T.plusSeconds(1));
        assertThat(LinkPrecedence.supersedes(older, link("u2", T.plusSeconds(1))))
                .isTrue();
        assertThat(LinkPrecedence.supersedes(newer, link("u1", T))).isFalse();
    }

    @Test
    void atTheSameInstantTheGreaterUserIdWins() {
        assertThat(LinkPrecedence.supersedes(new LinkPrecedence.Stored("u1", T), link("u2", T)))
                .isTrue();
        assertThat(LinkPrecedence.supersedes(new LinkPrecedence.Stored("u2", T), link("u1", T)))
                .isFalse();
    }

    private static UserInteractionEvent event(String userId, String anonymousId) {
        return UserInteractionEvent.builder()
                .eventId(UUID.randomUUID().toString())
                .userId(userId)
                .anonymousId(anonymousId)
                .timestamp(T)
                .eventType(InteractionEventType.PAGE_VIEW)
                .eventCategory(InteractionCategory.VIEW)
                .build();
    }

    @Test
    void aLinkedAnonymousEventGetsTheUserAndANamedUserIsKept() {
        List<UserInteractionEvent> out = Attribution.attribute(
                List.of(event(null, "anon-1"), event("own", "anon-1"), event(null, "anon-2"), event("u9", null)),
                Map.of("anon-1", "u1"));
        assertThat(out).extracting(UserInteractionEvent::userId).containsExactly("u1", "own", null, "u9");
        assertThat(out)
                .extracting(UserInteractionEvent::anonymousId)
                .containsExactly("anon-1", "anon-1", "anon-2", null);
    }
}
