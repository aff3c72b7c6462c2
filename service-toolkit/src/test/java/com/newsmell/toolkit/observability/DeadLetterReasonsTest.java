package com.newsmell.toolkit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterReasonsTest {

    @Test
    void theCollectorsErrorsAndUndecodableEventsAreInvalidEvents() {
        assertThat(DeadLetterReasons.category("[{\"pointer\":\"/eventType\",\"rule\":\"enum\"}]"))
                .isEqualTo("invalid_event");
        assertThat(DeadLetterReasons.category("invalid event: no eventId on the topic"))
                .isEqualTo("invalid_event");
    }

    @Test
    void failuresToApplyAreApplyFailed() {
        assertThat(DeadLetterReasons.category("could not be applied: java.lang.IllegalStateException"))
                .isEqualTo("apply_failed");
        assertThat(DeadLetterReasons.category("perfume-view-audit record could not be checked: x"))
                .isEqualTo("apply_failed");
    }

    @Test
    void everyOtherReasonIsARejectionSoTheLabelStaysBounded() {
        assertThat(DeadLetterReasons.category("a click of search s-1, which the session never performed"))
                .isEqualTo("rejected");
        assertThat(DeadLetterReasons.category(null)).isEqualTo("rejected");
        assertThat(DeadLetterReasons.category("  ")).isEqualTo("rejected");
    }
}
