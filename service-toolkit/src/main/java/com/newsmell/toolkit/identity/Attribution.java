package com.newsmell.toolkit.identity;

import com.newsmell.contract.UserInteractionEvent;
import java.util.List;
import java.util.Map;

/**
 * An anonymous event's user (ADR 0064), pure: an event without a userId whose anonymousId is linked gets the linked
 * user; an event that names its user keeps it (the link never overrides what the client said).
 */
public final class Attribution {

    private Attribution() {}

    /** Whether the event is anonymous and could be attributed by a link. */
    public static boolean needsUser(UserInteractionEvent event) {
        return event.userId() == null && event.anonymousId() != null;
    }

    /** The events, each anonymous one whose anonymousId is in {@code users} with that user. */
    public static List<UserInteractionEvent> attribute(List<UserInteractionEvent> events, Map<String, String> users) {
        return events.stream()
                .map(e -> needsUser(e) && users.containsKey(e.anonymousId())
                        ? e.toBuilder().userId(users.get(e.anonymousId())).build()
                        : e)
                .toList();
    }
}
