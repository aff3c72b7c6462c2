package com.newsmell.collector.segment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Segment-spec message's eventId (ADR 0060), pure: its {@code messageId} when that is a UUID, else the name-based
 * UUID (version 5, RFC 9562) of the messageId in the write key's namespace, so that a resent message gets the same
 * eventId (and is stored once) and two sources sending the same messageId never collide.
 */
public final class SpecIds {

    /** RFC 9562's URL namespace. */
    static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /** The URL whose version-5 UUID is a write key's namespace: this prefix and the write key's id. */
    static final String WRITE_KEY_URL = "https://newsmell.dev/write-keys/";

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private SpecIds() {}

    /** The eventId of {@code messageId} sent with the write key {@code writeKeyId}; null without a messageId. */
    public static String eventId(String writeKeyId, String messageId) {
        if (messageId == null || messageId.isBlank()) {
            return null;
        }
        if (UUID_TEXT.matcher(messageId).matches()) {
            return messageId.toLowerCase(Locale.ROOT);
        }
        return v5(namespace(writeKeyId), messageId).toString();
    }

    /** A write key's namespace: the version-5 UUID of its URL in the URL namespace. */
    static UUID namespace(String writeKeyId) {
        return v5(URL_NAMESPACE, WRITE_KEY_URL + writeKeyId);
    }

    /** RFC 9562 section 5.5: SHA-1 of the namespace's 16 bytes and the name's UTF-8, version 5, variant 10. */
    static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
