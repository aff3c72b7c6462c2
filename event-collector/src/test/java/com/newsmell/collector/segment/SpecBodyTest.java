package com.newsmell.collector.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.toolkit.http.ProblemException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** ADR 0060: the body (gzip, limits on the inflated bytes) and the write key. Plain unit tests. */
class SpecBodyTest {

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void aGzipBodyIsInflated() throws IOException {
        JsonNode body = SpecBody.read(gzip("{\"batch\":[]}"), "gzip", 100, SpecBody.RULE_BATCH_BYTES);
        assertThat(body.path("batch").isArray()).isTrue();
        assertThat(SpecBody.read("{\"a\":1}".getBytes(StandardCharsets.UTF_8), null, 100, SpecBody.RULE_EVENT_BYTES)
                        .path("a")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theLimitIsOnTheInflatedBytes() throws IOException {
        String big = "{\"pad\":\"" + "x".repeat(2_000) + "\"}";
        byte[] small = gzip(big);
        assertThat(small.length).isLessThan(1_000);
        assertThatThrownBy(() -> SpecBody.read(small, "gzip", 1_000, SpecBody.RULE_BATCH_BYTES))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(413);
                    assertThat(e.problem().errors().get(0).rule()).isEqualTo("max-batch-bytes");
                });
        assertThatThrownBy(() ->
                        SpecBody.read(big.getBytes(StandardCharsets.UTF_8), null, 1_000, SpecBody.RULE_EVENT_BYTES))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().errors().get(0).rule()).isEqualTo("max-event-bytes"));
    }

    @Test
    void brokenGzipAndOtherEncodingsAre400() {
        for (String encoding : new String[] {"gzip", "br"}) {
            assertThatThrownBy(() -> SpecBody.read(new byte[] {1, 2, 3}, encoding, 100, SpecBody.RULE_BATCH_BYTES))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().errors().get(0).rule()).isEqualTo("encoding");
                    });
        }
    }

    @Test
    void theWriteKeyIsTheBasicUserNameElseTheBodys() throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString("wk-1:".getBytes(StandardCharsets.UTF_8));
        JsonNode body = EventCodec.mapper().readTree("{\"writeKey\":\"wk-body\"}");
        assertThat(SpecBody.writeKey(basic, body)).isEqualTo("wk-1");
        assertThat(SpecBody.writeKey(null, body)).isEqualTo("wk-body");
        assertThat(SpecBody.writeKey("Bearer x", EventCodec.mapper().readTree("{}")))
                .isNull();
        assertThat(SpecBody.writeKey("Basic !!!", null)).isNull();
    }
}
