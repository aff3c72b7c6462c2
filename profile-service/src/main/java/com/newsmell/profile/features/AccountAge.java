package com.newsmell.profile.features;

import java.time.Duration;
import java.time.Instant;

/**
 * The seed's accountAge: whole days from the user's signup to the vector's as-of instant, and which signup time was
 * used: the registration when the user has one ({@code registered}), else the first time profile-service saw them
 * ({@code first-event}). Never negative (a signup after the as-of instant, as when a past day is recomputed, is 0).
 */
public record AccountAge(long days, String source) {

    public static final String REGISTERED = "registered";
    public static final String FIRST_EVENT = "first-event";

    /**
     * @param signupAt the registration time, or null when the user has not registered (or it is not known)
     * @param firstSeenAt when profile-service first saw the user, or null
     * @param asOf the vector's as-of instant
     */
    public static AccountAge of(Instant signupAt, Instant firstSeenAt, Instant asOf) {
        Instant start = signupAt != null ? signupAt : firstSeenAt;
        String source = signupAt != null ? REGISTERED : FIRST_EVENT;
        if (start == null || !start.isBefore(asOf)) {
            return new AccountAge(0, source);
        }
        return new AccountAge(Duration.between(start, asOf).toDays(), source);
    }
}
