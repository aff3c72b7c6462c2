package com.newsmell.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import com.newsmell.contract.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ADR 0003: "POST /v1/events/batch answers 202 when at least one event was accepted, with accepted, rejected,
 * eventIds (accepted, in request order) and results[] (per index: accepted with its eventId, or rejected with its
 * errors)."
 */
class IngestResultTest {

    private static final Violation BAD_RATING =
            new Violation("/events/1/eventData/ratings/overall", "range", "overall must be between 1 and 5.");
    private static final Violation NO_PATH = new Violation("/events/3/path", "required", "path is required.");

    private static final IngestResult MIXED = new IngestResult(List.of(
            accepted(0, "e-0"), rejected(1, BAD_RATING), accepted(2, "e-2"), rejected(3, NO_PATH), accepted(4, "e-4")));

    private static IngestResult.Item accepted(int index, String eventId) {
        return new IngestResult.Item(index, eventId, List.of());
    }

    private static IngestResult.Item rejected(int index, Violation... errors) {
        return new IngestResult.Item(index, null, List.of(errors));
    }

    // ADR 0003: "with accepted, rejected, eventIds (accepted, in request order)".
    @Test
    void talliesAcceptedAndRejected() {
        assertThat(MIXED.acceptedCount()).isEqualTo(3);
        assertThat(MIXED.rejectedCount()).isEqualTo(2);
        assertThat(MIXED.acceptedIds()).containsExactly("e-0", "e-2", "e-4");
    }

    // ADR 0003: an item is accepted exactly when it has no errors.
    @Test
    void anItemWithoutErrorsIsAccepted() {
        assertThat(accepted(0, "e").accepted()).isTrue();
        assertThat(rejected(0, NO_PATH).accepted()).isFalse();
    }

    // ADR 0003: "accepted, rejected, eventIds": every event accepted.
    @Test
    void allAccepted() {
        IngestResult result = new IngestResult(List.of(accepted(0, "a"), accepted(1, "b")));
        assertThat(result.acceptedCount()).isEqualTo(2);
        assertThat(result.rejectedCount()).isZero();
        assertThat(result.acceptedIds()).containsExactly("a", "b");
    }

    // ADR 0003: "accepted, rejected, eventIds": nothing accepted (the service answers 400 then).
    @Test
    void noneAccepted() {
        IngestResult result = new IngestResult(List.of(rejected(0, NO_PATH)));
        assertThat(result.acceptedCount()).isZero();
        assertThat(result.rejectedCount()).isEqualTo(1);
        assertThat(result.acceptedIds()).isEmpty();
    }

    // README, API: "POST /v1/events ... 202 {"accepted":1,"eventIds":[...]}": no per-event results.
    @Test
    void theSingleEventAnswerHasNoResults() throws Exception {
        JsonNode json = EventCodec.mapper()
                .readTree(new IngestResult(List.of(accepted(0, "e-0")))
                        .toJson(false)
                        .toString());
        assertThat(json)
                .isEqualTo(EventCodec.mapper().readTree("{\"accepted\":1,\"rejected\":0,\"eventIds\":[\"e-0\"]}"));
    }

    // ADR 0003: "results[] (per index: accepted with its eventId, or rejected with its errors)".
    @Test
    void theBatchAnswerHasOneResultPerIndex() throws Exception {
        JsonNode json = MIXED.toJson(true);
        assertThat(json.get("accepted").asLong()).isEqualTo(3);
        assertThat(json.get("rejected").asLong()).isEqualTo(2);
        assertThat(json.get("eventIds").toString()).isEqualTo("[\"e-0\",\"e-2\",\"e-4\"]");
        assertThat(json.get("results")).hasSize(5);
        assertThat(json.get("results").get(0))
                .isEqualTo(EventCodec.mapper().readTree("{\"index\":0,\"status\":\"accepted\",\"eventId\":\"e-0\"}"));
        assertThat(json.get("results").get(1))
                .isEqualTo(EventCodec.mapper()
                        .readTree("{\"index\":1,\"status\":\"rejected\",\"errors\":[{"
                                + "\"pointer\":\"/events/1/eventData/ratings/overall\",\"rule\":\"range\","
                                + "\"detail\":\"overall must be between 1 and 5.\"}]}"));
        assertThat(json.get("results")
                        .get(3)
                        .get("errors")
                        .get(0)
                        .get("pointer")
                        .asText())
                .isEqualTo("/events/3/path");
    }

    // ADR 0003: "Rejected events of an accepted batch go to the dead-letter topic with their reasons": the same
    // {pointer, rule, detail} list as the answer's errors, in order.
    @Test
    void violationsAsJsonKeepTheirOrder() {
        assertThat(IngestResult.errorsJson(List.of(NO_PATH, BAD_RATING)).toString())
                .isEqualTo("[{\"pointer\":\"/events/3/path\",\"rule\":\"required\",\"detail\":\"path is required.\"},"
                        + "{\"pointer\":\"/events/1/eventData/ratings/overall\",\"rule\":\"range\","
                        + "\"detail\":\"overall must be between 1 and 5.\"}]");
        assertThat(IngestResult.errorsJson(List.of())).isEmpty();
    }
}
