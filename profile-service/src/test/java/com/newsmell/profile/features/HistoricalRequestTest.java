package com.newsmell.profile.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsmell.toolkit.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The point-in-time join's body: JSON Lines or one array, every row checked before any answer, read in chunks. */
class HistoricalRequestTest {

    private static HistoricalRequest body(String text) {
        return new HistoricalRequest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<HistoricalRequest.Row> all(HistoricalRequest request, int chunk) {
        List<HistoricalRequest.Row> rows = new ArrayList<>();
        for (List<HistoricalRequest.Row> c : request.chunks(chunk)) {
            assertThat(c.size()).isLessThanOrEqualTo(chunk);
            rows.addAll(c);
        }
        return rows;
    }

    @Test
    void jsonLinesAndAnArrayGiveTheSameRowsInOrder() {
        String lines = "{\"userId\":\"a\",\"timestamp\":\"2024-06-10T12:00:00Z\",\"label\":1}\n"
                + "\n{\"userId\":\"b\",\"timestamp\":\"2024-06-11T12:00:00+02:00\"}\n"
                + "{\"timestamp\":\"2024-06-12T00:00:00Z\",\"userId\":\"a\",\"extra\":{\"x\":[1,2]}}\n";
        String array = "[" + lines.trim().replace("\n\n", "\n").replace("}\n{", "},{") + "]";
        for (HistoricalRequest request : List.of(body(lines), body(array))) {
            assertThat(request.validate(10)).isEqualTo(3);
            assertThat(all(request, 2))
                    .containsExactly(
                            new HistoricalRequest.Row(0, "a", Instant.parse("2024-06-10T12:00:00Z")),
                            new HistoricalRequest.Row(1, "b", Instant.parse("2024-06-11T10:00:00Z")),
                            new HistoricalRequest.Row(2, "a", Instant.parse("2024-06-12T00:00:00Z")));
        }
    }

    @Test
    void aBadRowIsA400NamingItsIndexAndRule() {
        assertRule(
                "{\"userId\":\"a\",\"timestamp\":\"2024-06-10T12:00:00Z\"}\n{\"userId\":\"b\"}",
                400,
                "/1/timestamp",
                "required");
        assertRule("{\"userId\":\"a\",\"timestamp\":\"yesterday\"}", 400, "/0/timestamp", "format");
        assertRule("{\"userId\":\"a\",\"timestamp\":\"2024-06-10T12:00:00\"}", 400, "/0/timestamp", "format");
        assertRule("{\"userId\":\"\",\"timestamp\":\"2024-06-10T12:00:00Z\"}", 400, "/0/userId", "required");
        assertRule("{\"userId\":7,\"timestamp\":\"2024-06-10T12:00:00Z\"}", 400, "/0/userId", "type");
        assertRule("[1]", 400, "/0", "type");
        assertRule("{\"userId\":\"a\",", 400, "", "syntax");
        assertRule("[{\"userId\":\"a\",\"timestamp\":\"2024-06-10T12:00:00Z\"}", 400, "", "syntax");
        assertRule("   ", 400, "", "required");
    }

    @Test
    void moreRowsThanTheLimitIsA413() {
        String two = "{\"userId\":\"a\",\"timestamp\":\"2024-06-10T12:00:00Z\"}\n".repeat(2);
        assertThatThrownBy(() -> body(two).validate(1))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(413));
        assertThat(body(two).validate(2)).isEqualTo(2);
    }

    private static void assertRule(String text, int status, String pointer, String rule) {
        assertThatThrownBy(() -> body(text).validate(100))
                .as(text)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(status);
                    assertThat(e.problem().errors()).hasSize(1);
                    assertThat(e.problem().errors().get(0).pointer()).isEqualTo(pointer);
                    assertThat(e.problem().errors().get(0).rule()).isEqualTo(rule);
                });
    }
}
