package com.newsmell.perfumestats.membership;

import com.newsmell.contract.UserInteractionEvent;

/**
 * Who an event belongs to, for every per-user figure: its userId, else its session, else (a Segment-spec event without
 * a session, ADR 0061) its anonymousId.
 */
public final class UserKeys {

    private UserKeys() {}

    /** The userId, else {@code session:<sessionId>}, else {@code anonymous:<anonymousId>}. */
    public static String of(UserInteractionEvent event) {
        if (event.userId() != null && !event.userId().isBlank()) {
            return event.userId();
        }
        return event.sessionId() != null ? "session:" + event.sessionId() : "anonymous:" + event.anonymousId();
    }
}
