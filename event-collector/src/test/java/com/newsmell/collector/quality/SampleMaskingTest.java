package com.newsmell.collector.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsmell.contract.EventCodec;
import org.junit.jupiter.api.Test;

class SampleMaskingTest {

    @Test
    void keepsShapeTypesAndClosedValuesAndMasksPeopleAndFreeText() throws Exception {
        JsonNode body = EventCodec.mapper()
                .readTree("{\"eventType\":\"SEARCH_PERFORMED\",\"userId\":\"alice@example.com\",\"sessionId\":\"s-1\","
                        + "\"ipPrefix\":\"203.0.113.0\",\"path\":\"/search?q=alice\",\"perfumeId\":\"p-4\","
                        + "\"deviceType\":\"desktop\",\"eventData\":{\"query\":\"gift for alice\",\"queryLength\":14,"
                        + "\"queryWords\":[\"gift\",\"alice\"],\"hasResults\":false,\"searchType\":\"initial\","
                        + "\"unknown\":{\"note\":\"free text\"}}}");

        JsonNode masked = SampleMasking.mask(body);

        assertThat(masked.toString())
                .doesNotContain("alice", "203.0.113", "s-1", "gift", "free text")
                .contains("\"eventType\":\"SEARCH_PERFORMED\"", "\"perfumeId\":\"p-4\"", "\"deviceType\":\"desktop\"")
                .contains("\"queryLength\":14", "\"hasResults\":false", "\"searchType\":\"initial\"");
        assertThat(masked.path("userId").asText()).isEqualTo("***(17)");
        assertThat(masked.path("eventData").path("queryWords").get(1).asText()).isEqualTo("***(5)");
        assertThat(body.path("userId").asText())
                .as("the input is left as it was")
                .isEqualTo("alice@example.com");
    }

    @Test
    void aKeptFieldTooLongIsMaskedToo() throws Exception {
        JsonNode masked =
                SampleMasking.mask(EventCodec.mapper().readTree("{\"perfumeId\":\"" + "p".repeat(129) + "\"}"));
        assertThat(masked.path("perfumeId").asText()).isEqualTo("***(129)");
    }
}
