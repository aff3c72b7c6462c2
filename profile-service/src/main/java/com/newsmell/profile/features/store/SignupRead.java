package com.newsmell.profile.features.store;

/**
 * The one place that reads a user's signup time for accountAge ({@link com.newsmell.profile.features.AccountAge}):
 * two columns of {@code user_behavior_profile p}, the registration time (null when unknown) and the first-seen time,
 * each as epoch milliseconds. V8 (ADR 0020) keeps the earliest USER_REGISTERED ({@code registered_at}) and the earliest
 * counted event ({@code first_event_at}); a profile without either falls back to when its row was created.
 */
final class SignupRead {

    static final String COLUMNS = "cast(extract(epoch from p.registered_at) * 1000 as bigint),"
            + " cast(extract(epoch from coalesce(p.first_event_at, p.created_at)) * 1000 as bigint)";

    private SignupRead() {}
}
