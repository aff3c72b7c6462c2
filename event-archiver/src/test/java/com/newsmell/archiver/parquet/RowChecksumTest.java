package com.newsmell.archiver.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The archive's row fingerprint, plain: independent of order, sensitive to any value, null and empty differ. */
class RowChecksumTest {

    private static final Object[] A = {
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        "x",
        1,
        0.1,
        true,
        Instant.parse("2025-01-01T00:00:00.123456Z")
    };
    private static final Object[] B = {
        UUID.fromString("00000000-0000-0000-0000-000000000002"), null, null, null, null, null
    };

    @Test
    void theOrderOfRowsDoesNotMatter() {
        RowChecksum ab = new RowChecksum();
        ab.add(A);
        ab.add(B);
        RowChecksum ba = new RowChecksum();
        ba.add(B);
        ba.add(A);
        assertThat(ab.value()).isEqualTo(ba.value()).hasSize(16);
        assertThat(ab.rows()).isEqualTo(2);
    }

    @Test
    void anyValueChangesIt() {
        RowChecksum one = new RowChecksum();
        one.add(A);
        Object[] changed = A.clone();
        changed[5] = Instant.parse("2025-01-01T00:00:00.123457Z");
        RowChecksum other = new RowChecksum();
        other.add(changed);
        assertThat(other.value()).isNotEqualTo(one.value());
    }

    @Test
    void nullAndEmptyTextDiffer() {
        assertThat(RowChecksum.canonical(null)).isNotEqualTo(RowChecksum.canonical(""));
        assertThat(RowChecksum.canonical(0.1)).isEqualTo(Long.toHexString(Double.doubleToLongBits(0.1)));
    }
}
