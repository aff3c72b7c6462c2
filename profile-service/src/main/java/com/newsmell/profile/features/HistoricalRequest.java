package com.newsmell.profile.features;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.contract.StorableText;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The body of {@code POST /v1/features/historical}: rows {@code {"userId": "…", "timestamp": "<ISO-8601 instant>"}},
 * as JSON Lines (one object per line) or as one JSON array of them. Other members of a row are ignored (an entity
 * frame's label columns may ride along; the answer keeps the rows' order, so they join back by position). {@link
 * #validate} checks every row before anything is answered (a bad row is a 400 naming its index, more than the
 * limit a 413); {@link #chunks} then reads the rows again, a chunk at a time, so that only one chunk is in memory.
 */
public final class HistoricalRequest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One row, with its 0-based index in the body. */
    public record Row(int index, String userId, Instant timestamp) {}

    private final byte[] body;

    public HistoricalRequest(byte[] body) {
        this.body = body == null ? new byte[0] : body;
    }

    /** Checks every row; answers how many there are. */
    public int validate(int maxRows) {
        int n = 0;
        try (Rows rows = new Rows(body)) {
            while (rows.hasNext()) {
                rows.next();
                n++;
                if (n > maxRows) {
                    throw new ProblemException(Problem.of(
                            413,
                            "too-many-rows",
                            "Too many rows",
                            "A request holds at most " + maxRows + " rows; send the rest in further requests."));
                }
            }
        }
        if (n == 0) {
            throw new ProblemException(Problem.invalidParameter(
                    "", "required", "The body holds no row; send {\"userId\", \"timestamp\"} rows."));
        }
        return n;
    }

    /** The rows in chunks of {@code size}, read lazily (the body must have passed {@link #validate}). */
    public Iterable<List<Row>> chunks(int size) {
        return () -> new Iterator<>() {
            private final Rows rows = new Rows(body);

            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more) {
                    rows.close();
                }
                return more;
            }

            @Override
            public List<Row> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Row> chunk = new ArrayList<>(size);
                while (chunk.size() < size && rows.hasNext()) {
                    chunk.add(rows.next());
                }
                return chunk;
            }
        };
    }

    /** A streaming reader of the rows, JSON Lines or one array. */
    private static final class Rows implements AutoCloseable {
        private final JsonParser parser;
        private boolean array;
        private boolean started;
        private boolean done;
        private JsonToken next;
        private int index;

        Rows(byte[] body) {
            try {
                parser = MAPPER.getFactory().createParser(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean hasNext() {
            if (done) {
                return false;
            }
            try {
                if (next == null) {
                    next = parser.nextToken();
                    if (!started) {
                        started = true;
                        if (next == JsonToken.START_ARRAY) {
                            array = true;
                            next = parser.nextToken();
                        }
                    }
                }
                if (next == null || (array && next == JsonToken.END_ARRAY)) {
                    if (array && next == null) {
                        throw bad("", "syntax", "The body's JSON array is not closed.");
                    }
                    if (array && parser.nextToken() != null) {
                        throw bad("", "syntax", "Nothing may follow the body's JSON array.");
                    }
                    done = true;
                    return false;
                }
                return true;
            } catch (JsonParseException e) {
                throw syntax(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int at = index++;
            String pointer = "/" + at;
            if (next != JsonToken.START_OBJECT) {
                throw bad(pointer, "type", "Row " + at + " must be an object {\"userId\", \"timestamp\"}.");
            }
            next = null;
            String userId = null;
            String timestamp = null;
            try {
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("userId".equals(name) || "timestamp".equals(name)) {
                        if (value != JsonToken.VALUE_STRING) {
                            throw bad(pointer + "/" + name, "type", name + " of row " + at + " must be a string.");
                        }
                        if ("userId".equals(name)) {
                            userId = parser.getText();
                        } else {
                            timestamp = parser.getText();
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw bad(pointer, "syntax", "Row " + at + " is not a well-formed object.");
                }
            } catch (JsonParseException e) {
                throw syntax(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (userId == null || userId.isBlank()) {
                throw bad(pointer + "/userId", "required", "userId of row " + at + " is required.");
            }
            if (StorableText.unstorableAt(userId) >= 0) {
                throw bad(
                        pointer + "/userId",
                        "format",
                        "userId of row " + at + " holds a character that cannot be"
                                + " stored (NUL or a lone surrogate).");
            }
            if (timestamp == null) {
                throw bad(pointer + "/timestamp", "required", "timestamp of row " + at + " is required.");
            }
            return new Row(at, userId, instant(timestamp, pointer + "/timestamp", at));
        }

        private static Instant instant(String value, String pointer, int at) {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw bad(
                        pointer,
                        "format",
                        "timestamp of row " + at + " must be an ISO-8601 instant with an offset,"
                                + " e.g. 2024-06-30T12:00:00Z.");
            }
            if (instant.isBefore(Instant.parse("1970-01-01T00:00:00Z"))
                    || !instant.isBefore(Instant.parse("2100-01-01T00:00:00Z"))) {
                throw bad(pointer, "range", "timestamp of row " + at + " must be from 1970 to before 2100.");
            }
            return instant;
        }

        private static ProblemException syntax(JsonParseException e) {
            var location = e.getLocation();
            return bad(
                    "",
                    "syntax",
                    "The body is not well-formed JSON Lines (or a JSON array)"
                            + (location == null
                                    ? ""
                                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr())
                            + ".");
        }

        private static ProblemException bad(String pointer, String rule, String message) {
            return new ProblemException(Problem.invalidParameter(pointer, rule, message));
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
