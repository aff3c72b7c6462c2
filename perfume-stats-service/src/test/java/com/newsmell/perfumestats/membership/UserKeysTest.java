package com.newsmell.perfumestats.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsmell.contract.UserInteractionEvent;
import org.junit.jupiter.api.Test;

/** Who an event belongs to: the userId, else the session, else the anonymousId (ADR 0061). Plain unit tests. */
class UserKeysTest {

    @Test
    void theUserElseTheSessionElseTheAnonymousVisitor() {
        UserInteractionEvent.Builder event = UserInteractionEvent.builder().anonymousId("a-1");
        assertThat(UserKeys.of(event.build())).isEqualTo("anonymous:a-1");
        assertThat(UserKeys.of(event.sessionId("s-1").build())).isEqualTo("session:s-1");
        assertThat(UserKeys.of(event.userId("u-1").build())).isEqualTo("u-1");
    }
}
