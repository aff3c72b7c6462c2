package com.newsmell.toolkit.identity;

import com.newsmell.contract.IdentityLink;
import java.time.Instant;

/**
 * Which link of an anonymousId a service keeps (ADR 0064), pure: the latest {@code linkedAt} wins, as on the compacted
 * topic; at the same instant the greater userId, so that any delivery order keeps the same link. A redelivered link
 * (same user, same instant) supersedes nothing: applying it twice changes nothing twice.
 */
public final class LinkPrecedence {

    private LinkPrecedence() {}

    /** The link a service stores for an anonymousId. */
    public record Stored(String userId, Instant linkedAt) {}

    /** Whether {@code incoming} replaces {@code stored} (null: none stored yet). */
    public static boolean supersedes(Stored stored, IdentityLink incoming) {
        if (stored == null) {
            return true;
        }
        int byTime = incoming.linkedAt().compareTo(stored.linkedAt());
        return byTime > 0 || (byTime == 0 && incoming.userId().compareTo(stored.userId()) > 0);
    }
}
