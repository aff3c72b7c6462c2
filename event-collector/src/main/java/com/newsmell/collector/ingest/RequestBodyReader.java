package com.newsmell.collector.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The request body rules: a body becomes a JSON tree, or a 400/413 problem (strict UTF-8, strict JSON, at most
 * max-batch-bytes); a batch body holds 1 to max-batch-events events.
 */
public final class RequestBodyReader {

    private RequestBodyReader() {}

    public static JsonNode read(byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            throw new ProblemException(Problem.invalidParameter("", "required", "The request body is empty."));
        }
        if (body.length > maxBytes) {
            throw new ProblemException(tooLarge(maxBytes));
        }
        if (!Utf8.isValid(body)) {
            throw new ProblemException(Problem.invalidParameter("", "encoding", "The body is not valid UTF-8."));
        }
        JsonNode node;
        try {
            node = EventCodec.mapper().readTree(body);
        } catch (JsonProcessingException fromBytes) {
            // Jackson's byte parser cannot name a field with an escaped lone surrogate; its char parser can, and the
            // contract then refuses the field by its rule. The rare body the byte parser refuses is read as text.
            node = readText(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is read without I/O
        }
        if (node == null || node.isMissingNode()) {
            throw new ProblemException(Problem.invalidParameter("", "required", "The request body is empty."));
        }
        return node;
    }

    private static JsonNode readText(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ProblemException(
                    Problem.invalidParameter("", "syntax", "The body is not well-formed JSON" + where + "."));
        }
    }

    /** The events of a batch body {@code {"events": [...]}}: 1 to {@code maxEvents} of them, or a 400 problem. */
    static JsonNode batchEvents(JsonNode body, int maxEvents) {
        if (!body.isObject()) {
            throw new ProblemException(
                    Problem.invalidParameter("", "type", "The body must be an object {\"events\": [...]}."));
        }
        JsonNode events = body.get("events");
        if (events == null || events.isNull()) {
            throw new ProblemException(Problem.invalidParameter("/events", "required", "events is required."));
        }
        if (!events.isArray()) {
            throw new ProblemException(Problem.invalidParameter("/events", "type", "events must be an array."));
        }
        if (events.isEmpty()) {
            throw new ProblemException(Problem.invalidParameter("/events", "min-items", "events must not be empty."));
        }
        if (events.size() > maxEvents) {
            throw new ProblemException(Problem.invalidParameter(
                    "/events", "max-items", "A batch holds at most " + maxEvents + " events."));
        }
        return events;
    }

    /**
     * Whether a Content-Length header declares more than {@code maxBytes}; an absent or unreadable one declares
     * nothing (the body's real size is checked by {@link #read}).
     */
    public static boolean declaredTooLarge(String contentLength, int maxBytes) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static Problem tooLarge(int maxBytes) {
        return Problem.of(
                413, "payload-too-large", "Payload too large", "The body is larger than " + maxBytes + " bytes.");
    }
}
