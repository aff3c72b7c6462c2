package com.newsmell.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash an erased user is remembered by (ADR 0032): HMAC-SHA256 of the user id under the suite's privacy key,
 * in hex. Without the key the hash reveals nothing; with it, a later event of the user is recognised and dropped.
 */
public final class UserHash {

    private UserHash() {}

    public static String of(String key, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
