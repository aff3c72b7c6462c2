package com.newsmell.contract;

/** Size limits enforced by {@link EventParser}. */
public final class Limits {

    /** Max length of identifiers: sessionId, userId, perfumeId, houseId, noteId, recommendationId. */
    public static final int MAX_ID_LENGTH = 128;
    /** Max length of {@code path} and {@code referrer}. */
    public static final int MAX_URL_LENGTH = 2048;
    /** Max length of {@code userAgent}. */
    public static final int MAX_USER_AGENT_LENGTH = 1024;
    /** Max length of the short context strings: browser, os, botReason, ipPrefix, location. */
    public static final int MAX_SHORT_TEXT_LENGTH = 256;
    /** Max length of any string inside {@code eventData}. */
    public static final int MAX_EVENT_DATA_STRING_LENGTH = 2048;
    /** Max nesting depth of {@code eventData} ({@code {}} itself has depth 1). */
    public static final int MAX_EVENT_DATA_DEPTH = 8;
    /** Max number of elements of any array inside {@code eventData}. */
    public static final int MAX_EVENT_DATA_ARRAY_ITEMS = 500;
    /** Max serialized size of {@code eventData}, in UTF-8 bytes. */
    public static final int MAX_EVENT_DATA_BYTES = 32 * 1024;

    private Limits() {}
}
