package com.newsmell.archiver.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ArchiveKeysTest {

    @Test
    void hiveStylePaths() {
        assertThat(ArchiveKeys.of(LocalDate.parse("2026-08-01"), "PERFUME_VIEW"))
                .isEqualTo("events/year=2026/month=08/event_type=PERFUME_VIEW/part-0.parquet");
    }

    @Test
    void anEventTypeCannotLeaveItsFolder() {
        assertThatThrownBy(() -> ArchiveKeys.of(LocalDate.parse("2026-08-01"), "../x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Archiver.quoteIdent("user_interaction_event; drop table x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
