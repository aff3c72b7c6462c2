package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;

/** Who an event belongs to, for every per-user figure: its userId, else its session. */
public final class UserKeys {

    private UserKeys() {}

    /** The userId, else {@code session:<sessionId>}. */
    public static String of(UserInteractionEvent event) {
        return event.userId() != null && !event.userId().isBlank() ? event.userId() : "session:" + event.sessionId();
    }
}
