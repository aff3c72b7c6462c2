package com.newsmell.recommendation.attribution;

/** The viewer key attribution matches on: {@code user:<userId>}, else {@code anonymous:<anonymousId>}. */
public final class Viewers {

    private Viewers() {}

    public static String key(String userId, String anonymousId) {
        return userId != null ? "user:" + userId : "anonymous:" + anonymousId;
    }
}
