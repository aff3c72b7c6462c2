package com.newsmell.contract.data;

import java.util.Set;

/**
 * eventData of USER_REGISTERED (ADR 0020): the user created their account. The signup time is the event's
 * {@code timestamp}; the envelope's {@code userId} (required) is the new account.
 *
 * @param signupMethod how the account was created, one of {@link #SIGNUP_METHODS}; optional
 */
public record RegistrationData(String signupMethod) implements EventData {

    /** Closed, like the contract's other enums (ADR 0002): a provider not listed is {@code other}. */
    public static final Set<String> SIGNUP_METHODS = Set.of("email", "google", "apple", "facebook", "other");
}
