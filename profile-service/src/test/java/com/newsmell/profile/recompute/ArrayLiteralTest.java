package com.newsmell.profile.recompute;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PostgreSQL array literals the job's read returns its numbers in, pure. */
class ArrayLiteralTest {

    @Test
    @DisplayName("integer arrays of any dimension give their numbers in order, negative ones included")
    void integers() {
        assertThat(InputRepository.longs("{{19875,0,1,120},{19876,2,0,0}}"))
                .containsExactly(19875, 0, 1, 120, 19876, 2, 0, 0);
        assertThat(InputRepository.longs("{3,-4}")).containsExactly(3, -4);
        assertThat(InputRepository.longs("{}")).isEmpty();
        long[] many = InputRepository.longs("{" + "1,".repeat(99) + "1}");
        assertThat(many).hasSize(100).containsOnly(1);
    }

    @Test
    @DisplayName("numeric arrays give their elements as written")
    void decimals() {
        assertThat(InputRepository.elements("{0,4.5,13.25}")).containsExactly("0", "4.5", "13.25");
    }
}
