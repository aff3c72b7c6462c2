package com.newsmell.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ADR 0061: anonymousId on the envelope, sessionId and path optional for Segment-spec events, the Kafka key. */
class SpecModeTest {

    static ObjectNode segmentView() {
        ObjectNode event = EventCodec.mapper().createObjectNode();
        event.put("eventType", "PERFUME_VIEW")
                .put("timestamp", "2026-12-06T10:00:00Z")
                .put("perfumeId", "p-4")
                .put("anonymousId", "anon-1");
        return event;
    }

    @Test
    void aSpecEventNeedsNoSessionOrPathButSomeId() {
        ParseResult ok = EventParser.parseSpec(segmentView());
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.event().anonymousId()).isEqualTo("anon-1");
        assertThat(ok.event().sessionId()).isNull();
        assertThat(ok.event().path()).isNull();

        ObjectNode noId = segmentView();
        noId.remove("anonymousId");
        assertThat(EventParser.parseSpec(noId).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/anonymousId", "required"));
        noId.put("userId", "u-1");
        assertThat(EventParser.parseSpec(noId).violations()).isEmpty();
    }

    @Test
    void aNativeSubmissionStillNeedsSessionAndPath() {
        assertThat(EventParser.parse(segmentView()).violations())
                .extracting(Violation::pointer)
                .contains("/sessionId", "/path");
    }

    @Test
    void theSeedsRequiredFieldsAreNotAskedOfSpecEvents() {
        ObjectNode page = segmentView().put("eventType", "PAGE_VIEW");
        assertThat(EventParser.parseSpec(page).violations()).isEmpty();
        page.put("sessionId", "s-1").put("path", "/");
        assertThat(EventParser.parse(page).violations())
                .extracting(Violation::pointer)
                .contains("/eventData/title", "/eventData/viewport");
    }

    @Test
    void anonymousIdTravelsAndStoredEventsWithoutSessionDecode() {
        UserInteractionEvent event = EventParser.parseSpec(segmentView()).event().toBuilder()
                .eventId("0b6f3a52-6d1e-4d2a-9a53-2f0c3c1d7e11")
                .receivedAt(Instant.parse("2026-12-06T10:00:01Z"))
                .build();
        String json = EventCodec.toJson(event);
        assertThat(json).contains("\"anonymousId\":\"anon-1\"");
        UserInteractionEvent back = EventCodec.fromJson(json);
        assertThat(back).isEqualTo(event);
        assertThatThrownBy(() -> EventCodec.fromJson(json.replace("\"anonymousId\":\"anon-1\",", "")))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void theKafkaKeyIsTheSessionElseTheAnonymousIdElseTheUser() {
        UserInteractionEvent.Builder event = UserInteractionEvent.builder().userId("u-1");
        assertThat(event.build().partitionKey()).isEqualTo("u-1");
        assertThat(event.anonymousId("a-1").build().partitionKey()).isEqualTo("a-1");
        assertThat(event.sessionId("s-1").build().partitionKey()).isEqualTo("s-1");
    }

    @Test
    void identityLinksRoundTripAndAreChecked() {
        ObjectNode traits = EventCodec.mapper().createObjectNode().put("plan", "pro");
        IdentityLink link =
                new IdentityLink("a-1", "u-1", "alias", Instant.parse("2026-12-06T10:00:00Z"), "web", traits);
        assertThat(link.key()).isEqualTo("a-1");
        assertThat(IdentityLink.fromJson(link.toJson())).isEqualTo(link);
        assertThat(link.toJson())
                .isEqualTo("{\"anonymousId\":\"a-1\",\"userId\":\"u-1\",\"via\":\"alias\","
                        + "\"linkedAt\":\"2026-12-06T10:00:00Z\",\"source\":\"web\",\"traits\":{\"plan\":\"pro\"}}");
        assertThatThrownBy(() -> IdentityLink.fromJson(link.toJson().replace("alias", "merge")))
                .isInstanceOf(IdentityLink.Invalid.class)
                .hasMessageContaining("via");
        assertThatThrownBy(() -> IdentityLink.fromJson("{\"userId\":\"u\"}")).isInstanceOf(IdentityLink.Invalid.class);
    }
}
