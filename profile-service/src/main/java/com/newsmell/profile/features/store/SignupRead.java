package com.newsmell.profile.features.store;

/**
 * The one place that reads a user's signup time for accountAge ({@link com.newsmell.profile.features.AccountAge}):
 * two columns of {@code user_behavior_profile p}, the registration time (null when unknown) and the first-seen time,
 * each as epoch milliseconds.
 *
 * <p>Until the signup columns (V8: {@code signup_at}, {@code signup_source}) are in this branch, the registration is
 * unknown and first-seen is the profile row's {@code created_at} (when the consumer first stored an event of the user;
 * a replay makes it later than the user's first event). With V8's columns ({@code registered_at}, {@code
 * first_event_at}, and {@code signup_at}/{@code signup_source} generated from them) {@link #COLUMNS} becomes:
 *
 * <pre>
 * "cast(extract(epoch from case when p.signup_source = 'registered' then p.signup_at end) * 1000 as bigint),"
 *     + " cast(extract(epoch from coalesce(p.first_event_at, p.created_at)) * 1000 as bigint)"
 * </pre>
 */
final class SignupRead {

    static final String COLUMNS = "cast(null as bigint)," + " cast(extract(epoch from p.created_at) * 1000 as bigint)";

    private SignupRead() {}
}
