package com.newsmell.collector.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ADR 0060: messageId → eventId. Plain unit tests. */
class SpecIdsTest {

    @Test
    void version5IsRfc9562s() {
        // RFC 9562's DNS namespace and a name whose version-5 UUID is published widely (Python's uuid5 docs)
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(SpecIds.v5(dns, "python.org")).hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    }

    @Test
    void aUuidMessageIdIsTheEventId() {
        assertThat(SpecIds.eventId("key-a", "0B6F3A52-6D1E-4D2A-9A53-2F0C3C1D7E11"))
                .isEqualTo("0b6f3a52-6d1e-4d2a-9a53-2f0c3c1d7e11");
    }

    @Test
    void anotherMessageIdIsAVersion5UuidInTheWriteKeysNamespace() {
        String id = SpecIds.eventId("key-a", "ajs-next-1733480000000-abc");
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
        assertThat(SpecIds.eventId("key-a", "ajs-next-1733480000000-abc"))
                .as("a resent message keeps its eventId")
                .isEqualTo(id);
        assertThat(SpecIds.eventId("key-b", "ajs-next-1733480000000-abc"))
                .as("two sources never collide")
                .isNotEqualTo(id);
        assertThat(id)
                .isEqualTo(SpecIds.v5(SpecIds.namespace("key-a"), "ajs-next-1733480000000-abc")
                        .toString());
    }

    @Test
    void noMessageIdNoEventId() {
        assertThat(SpecIds.eventId("key-a", null)).isNull();
        assertThat(SpecIds.eventId("key-a", " ")).isNull();
    }
}
