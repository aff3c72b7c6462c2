package com.newsmell.contract;

import static com.newsmell.contract.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator's rules the schema differential test corrected (ADR 0040), as plain unit tests. */
class SchemaAgreementTest {

    @Test
    void lengthsCountCodePointsAsJsonSchemaDoes() {
        assertThat(EventParser.parse(event("PAGE_VIEW", "{}", "sessionId=\"" + "😀".repeat(128) + "\""))
                        .valid())
                .isTrue();
        assertThat(EventParser.parse(event("PAGE_VIEW", "{}", "sessionId=\"" + "😀".repeat(129) + "\""))
                        .violations())
                .extracting(v -> v.pointer() + " " + v.rule())
                .containsExactly("/sessionId max-length");
        assertThat(EventParser.parse(event("FILTER_APPLIED", "{\"label\":\"" + "😀".repeat(2048) + "\"}"))
                        .valid())
                .isTrue();
        assertThat(EventParser.parse(event("FILTER_APPLIED", "{\"label\":\"" + "😀".repeat(2049) + "\"}"))
                        .violations())
                .extracting(v -> v.pointer() + " " + v.rule())
                .containsExactly("/eventData/label max-length");
    }

    @Test
    void viewportAndPriceRangeMembersAreRequiredOfTheShapesThatDefineThem() {
        assertThat(EventParser.parse(event("COLLECTION_VIEW", "{\"viewport\":{\"width\":3}}"))
                        .violations())
                .extracting(v -> v.pointer() + " " + v.rule())
                .containsExactly("/eventData/viewport/height required");
        assertThat(EventParser.parse(event("SEARCH_REFINED", "{\"filters\":{\"priceRange\":{\"min\":3}}}"))
                        .violations())
                .extracting(v -> v.pointer() + " " + v.rule())
                .containsExactly("/eventData/filters/priceRange/max required");
        assertThat(EventParser.parse(event(
                                "FILTER_APPLIED",
                                "{\"viewport\":{\"width\":3}," + "\"filters\":{\"priceRange\":{\"min\":3}}}"))
                        .valid())
                .isTrue();
    }
}
