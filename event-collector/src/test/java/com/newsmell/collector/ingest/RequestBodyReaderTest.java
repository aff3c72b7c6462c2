package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.Violation;
import com.newsmell.toolkit.http.Problem;
import com.newsmell.toolkit.http.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request body rules, pure: bytes in, a JSON tree or a problem out. */
class RequestBodyReaderTest {

    private static final int MAX_BYTES = 1_048_576;

    private static Problem problemOf(Runnable call) {
        return catchThrowableOfType(ProblemException.class, call::run).problem();
    }

    private static Violation onlyError(Problem problem) {
        assertThat(problem.errors()).hasSize(1);
        return problem.errors().get(0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Nested
    class Read {

        // README, errors: "400 for broken or non-UTF-8 JSON": a well-formed body is its JSON tree.
        @Test
        void aWellFormedBodyIsItsTree() throws Exception {
            JsonNode node = RequestBodyReader.read(utf8("{\"eventType\":\"PAGE_VIEW\",\"title\":\"Été\"}"), MAX_BYTES);
            assertThat(node).isEqualTo(EventCodec.mapper().readTree("{\"eventType\":\"PAGE_VIEW\",\"title\":\"Été\"}"));
        }

        // No seed definition; ADR 0007 problem details: an empty body is 400, rule required, on the whole body ("").
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n"})
        void anEmptyBodyIsRequired(String body) {
            Problem problem = problemOf(() -> RequestBodyReader.read(utf8(body), MAX_BYTES));
            assertThat(problem.status()).isEqualTo(400);
            assertThat(onlyError(problem)).isEqualTo(new Violation("", "required", "The request body is empty."));
        }

        // No seed definition; ADR 0007 problem details: no body at all is the same 400 required.
        @Test
        void noBodyIsRequired() {
            assertThat(onlyError(problemOf(() -> RequestBodyReader.read(null, MAX_BYTES)))
                            .rule())
                    .isEqualTo("required");
        }

        // ADR 0003: "1 MB per request (413 above ...)": exactly the limit is read.
        @Test
        void aBodyOfExactlyTheLimitIsRead() {
            byte[] body = utf8("\"" + "a".repeat(98) + "\"");
            assertThat(body).hasSize(100);
            assertThat(RequestBodyReader.read(body, 100).asText()).hasSize(98);
        }

        // ADR 0003: "1 MB per request (413 above ...)": one byte more is 413.
        @Test
        void aBodyOverTheLimitIs413() {
            byte[] body = utf8("\"" + "a".repeat(99) + "\"");
            Problem problem = problemOf(() -> RequestBodyReader.read(body, 100));
            assertThat(problem.status()).isEqualTo(413);
            assertThat(problem.type()).endsWith("/payload-too-large");
            assertThat(problem.detail()).isEqualTo("The body is larger than 100 bytes.");
        }

        // ADR 0003: "1 MB per request": the limit counts bytes, not characters ("é" is two bytes in UTF-8).
        @Test
        void theLimitCountsBytesNotCharacters() {
            assertThat(RequestBodyReader.read(utf8("\"é\""), 4).asText()).isEqualTo("é");
            assertThat(problemOf(() -> RequestBodyReader.read(utf8("\"éé\""), 5))
                            .status())
                    .isEqualTo(413);
        }

        // README, errors: "400 for broken or non-UTF-8 JSON": malformed UTF-8 is rule encoding.
        @Test
        void aBodyThatIsNotUtf8IsRejected() {
            byte[] latin1 = "{\"title\":\"Été\"}".getBytes(StandardCharsets.ISO_8859_1);
            assertThat(onlyError(problemOf(() -> RequestBodyReader.read(latin1, MAX_BYTES))))
                    .isEqualTo(new Violation("", "encoding", "The body is not valid UTF-8."));
        }

        // README, errors: "400 for broken ... JSON": rule syntax, with where it broke.
        @Test
        void brokenJsonSaysWhere() {
            Violation error = onlyError(problemOf(() -> RequestBodyReader.read(utf8("{\n\"a\": }"), MAX_BYTES)));
            assertThat(error.rule()).isEqualTo("syntax");
            assertThat(error.message()).startsWith("The body is not well-formed JSON at line 2, column ");
        }

        // README, errors: "400 for broken ... JSON": strict JSON, no trailing content, no comments, no single quotes.
        @ParameterizedTest
        @ValueSource(strings = {"{} {}", "{\"a\":1} x", "{'a':1}", "{\"a\":1,}", "/* c */ {}", "{"})
        void onlyStrictJsonIsRead(String body) {
            assertThat(onlyError(problemOf(() -> RequestBodyReader.read(utf8(body), MAX_BYTES)))
                            .rule())
                    .isEqualTo("syntax");
        }
    }

    @Nested
    class Batch {

        private static JsonNode json(String text) {
            return RequestBodyReader.read(utf8(text), MAX_BYTES);
        }

        private static String events(int n) {
            return "{\"events\":[" + String.join(",", java.util.Collections.nCopies(n, "{}")) + "]}";
        }

        // ADR 0003: "When ... the batch itself is malformed, the answer is 400": the body must be {"events": [...]}.
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "[{}]                | ''        | type",
                    "\"events\"          | ''        | type",
                    "{}                  | /events   | required",
                    "{\"events\":null}   | /events   | required",
                    "{\"events\":{}}     | /events   | type",
                    "{\"events\":\"x\"}  | /events   | type",
                    "{\"events\":[]}     | /events   | min-items"
                })
        void aMalformedBatchIsRejected(String body, String pointer, String rule) {
            Violation error = onlyError(problemOf(() -> RequestBodyReader.batchEvents(json(body), 500)));
            assertThat(error.pointer()).isEqualTo(pointer);
            assertThat(error.rule()).isEqualTo(rule);
        }

        // ADR 0003: "Limits: 500 events ... per request": one event and exactly the limit are taken.
        @ParameterizedTest
        @ValueSource(ints = {1, 499, 500})
        void upToTheLimitTheEventsAreTaken(int n) {
            assertThat(RequestBodyReader.batchEvents(json(events(n)), 500)).hasSize(n);
        }

        // ADR 0003: "Limits: 500 events ... per request": one more is rule max-items.
        @Test
        void overTheLimitIsRejected() {
            assertThat(onlyError(problemOf(() -> RequestBodyReader.batchEvents(json(events(501)), 500))))
                    .isEqualTo(new Violation("/events", "max-items", "A batch holds at most 500 events."));
        }

        // ADR 0003: "Limits: ... (configurable)": another limit is the one applied.
        @Test
        void theConfiguredLimitIsTheOneApplied() {
            assertThat(RequestBodyReader.batchEvents(json(events(2)), 2)).hasSize(2);
            assertThat(onlyError(problemOf(() -> RequestBodyReader.batchEvents(json(events(3)), 2)))
                            .rule())
                    .isEqualTo("max-items");
        }
    }

    @Nested
    class DeclaredLength {

        // ADR 0003: "1 MB per request (413 above, checked on Content-Length before reading)": above the limit only;
        // an absent or unreadable Content-Length declares nothing (the body is then measured when read).
        @ParameterizedTest(name = "Content-Length [{0}] -> too large: {1}")
        @CsvSource(
                nullValues = "null",
                value = {
                    "null, false",
                    "0, false",
                    "1048576, false",
                    "1048577, true",
                    "' 2000000 ', true",
                    "9223372036854775807, true",
                    "99999999999999999999, false",
                    "-1, false",
                    "'', false",
                    "1e9, false",
                    "abc, false"
                })
        void onlyADeclaredLengthOverTheLimitIsTooLarge(String contentLength, boolean tooLarge) {
            assertThat(RequestBodyReader.declaredTooLarge(contentLength, MAX_BYTES))
                    .isEqualTo(tooLarge);
        }

        // ADR 0003: "413 above": the problem names the limit.
        @Test
        void theProblemIs413WithTheLimit() {
            Problem problem = RequestBodyReader.tooLarge(MAX_BYTES);
            assertThat(problem.status()).isEqualTo(413);
            assertThat(problem.title()).isEqualTo("Payload too large");
            assertThat(problem.detail()).isEqualTo("The body is larger than 1048576 bytes.");
        }
    }
}
