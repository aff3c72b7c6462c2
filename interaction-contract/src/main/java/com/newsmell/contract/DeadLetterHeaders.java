package com.newsmell.contract;

/** Kafka header names set on records of {@link Topics#DEAD_LETTER}; values are UTF-8. */
public final class DeadLetterHeaders {

    /** Why the record was dead-lettered (e.g. a violation summary or exception message). */
    public static final String REASON = "dead-letter-reason";

    /** Which component dead-lettered it (e.g. {@code event-collector}, {@code session-service}). */
    public static final String SOURCE = "dead-letter-source";

    private DeadLetterHeaders() {}
}
