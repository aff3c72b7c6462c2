package com.newsmell.collector.writekey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Write keys' form and storage: a random key shown once, stored as its HMAC-SHA256 under the pepper. */
public final class WriteKeyHashing {

    /** Every key starts with this, so that a leaked one is recognised by secret scanners. */
    public static final String KEY_PREFIX = "nsk_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PREFIX_LENGTH = KEY_PREFIX.length() + 6;

    private final SecretKeySpec pepper;

    public WriteKeyHashing(String pepper) {
        if (pepper == null || pepper.length() < 12) {
            throw new IllegalArgumentException("newsmell.write-key.pepper must be at least 12 characters");
        }
        this.pepper = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A new key: the prefix and 32 random bytes, base64url. */
    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What listings show of a key: its first characters, enough to tell keys apart, too few to use. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    /** The stored form: HMAC-SHA256 of the key under the pepper, hex. */
    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
