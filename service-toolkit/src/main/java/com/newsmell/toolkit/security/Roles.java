package com.newsmell.toolkit.security;

/**
 * The roles of the read and admin APIs (issue 16, ADR 0063), carried in a bearer JWT's {@code groups} claim: an
 * {@link #ANALYST} reads (REST read APIs and GraphQL), an {@link #ADMIN} also changes (erasure, replays, write keys, job
 * runs, recomputes). {@code quarkus.http.auth.roles-mapping} gives every admin the analyst role too, so read endpoints
 * name only {@link #ANALYST}.
 */
public final class Roles {

    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {}
}
