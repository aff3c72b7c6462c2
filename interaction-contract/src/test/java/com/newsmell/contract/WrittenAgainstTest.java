package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsmell.contract.schema.SchemaVer;
import org.junit.jupiter.api.Test;

/** The envelope's schemaVersion on a submission (ADR 0040): a SchemaVer or an integer model. Plain unit tests. */
class WrittenAgainstTest {

    private static ParseResult submit(Object schemaVersion) {
        ObjectNode e = event("PAGE_VIEW", "{}");
        if (schemaVersion instanceof String s) {
            e.put("schemaVersion", s);
        } else if (schemaVersion instanceof Integer i) {
            e.put("schemaVersion", i);
        } else {
            e.remove("schemaVersion");
        }
        return EventParser.parse(e);
    }

    @Test
    void aSchemaVerIsKeptAsSentAndTheEventIsStampedWithTheCurrentModel() {
        ParseResult r = submit("2-1-0");
        assertThat(r.valid()).as(r.violations().toString()).isTrue();
        assertThat(r.event().schemaVersionSent()).isEqualTo("2-1-0");
        assertThat(r.event().schemaVersion()).isEqualTo(UserInteractionEvent.CURRENT_SCHEMA_VERSION);
    }

    @Test
    void anIntegerModelIsStillAcceptedAndMeansItsFirstVersion() {
        ParseResult r = submit(2);
        assertThat(r.valid()).isTrue();
        assertThat(r.event().schemaVersionSent()).isEqualTo("2");
        FieldReader reader = FieldReader.root(
                EventCodec.mapper().createObjectNode().put("schemaVersion", 1), "event", new java.util.ArrayList<>());
        assertThat(WrittenAgainst.read(reader).version()).isEqualTo(new SchemaVer(1, 0, 0));
    }

    @Test
    void noSchemaVersionIsNoneSent() {
        ParseResult r = submit(null);
        assertThat(r.valid()).isTrue();
        assertThat(r.event().schemaVersionSent()).isNull();
    }

    @Test
    void aMalformedVersionIsAFormatViolationAndAnUnknownModelARangeOne() {
        assertThat(submit("2.1.0").violations())
                .singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/schemaVersion format"));
        assertThat(submit("3-0-0").violations())
                .singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/schemaVersion range"));
        assertThat(submit(3).violations())
                .singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/schemaVersion range"));
    }

    @Test
    void theSentVersionTravelsOnTheTopicWhileReadersGoByTheModel() {
        UserInteractionEvent sent = submit("2-1-0").event().toBuilder()
                .eventId("0b6f3a52-6d1e-4d2a-9a53-2f0c3c1d7e11")
                .build();
        UserInteractionEvent read =
                EventParser.decode(EventCodec.toJsonNode(sent)).event();
        assertThat(read.schemaVersionSent()).isEqualTo("2-1-0");
        assertThat(read.schemaVersion()).isEqualTo(2);
    }
}
