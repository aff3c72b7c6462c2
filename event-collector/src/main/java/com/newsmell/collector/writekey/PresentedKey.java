package com.newsmell.collector.writekey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a client puts its write key: the Basic-auth user name (password empty or ignored), or ?writeKey= (beacons). */
public final class PresentedKey {

    private PresentedKey() {}

    /** The key of {@code Authorization: Basic …}, else the query parameter's, else null. */
    public static String of(String authorization, String queryParameter) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                String user = colon < 0 ? pair : pair.substring(0, colon);
                return user.isEmpty() ? null : user;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return queryParameter == null || queryParameter.isEmpty() ? null : queryParameter;
    }
}
