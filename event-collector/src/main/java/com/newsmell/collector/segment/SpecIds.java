package com.newsmell.collector.segment;

import com.newsmell.contract.NameBasedIds;
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
    static final UUID URL_NAMESPACE = NameBasedIds.URL_NAMESPACE;

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

    /** RFC 9562 section 5.5 ({@link NameBasedIds}). */
    static UUID v5(UUID namespace, String name) {
        return NameBasedIds.v5(namespace, name);
    }
}
