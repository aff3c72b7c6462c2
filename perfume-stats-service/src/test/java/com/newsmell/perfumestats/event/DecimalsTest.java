package com.newsmell.perfumestats.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed, PageViewEvent {@code viewDuration: number // milliseconds}, RatingEvent {@code overall?: number // 1-5}:
 * a {@code number} may be a decimal, and is kept without loss.
 */
class DecimalsTest {

    @Test
    @DisplayName("viewDuration: number: 1234.5 ms stays 1234.5; a rating of 4.5 stays 4.5; 0.1 is 0.1, not 0.1000…055")
    void decimalsAreKeptExactly() {
        assertThat(Decimals.of(1234.5)).isEqualTo(new BigDecimal("1234.5"));
        assertThat(Decimals.of(4.5)).isEqualTo(new BigDecimal("4.5"));
        assertThat(Decimals.of(0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Decimals.of(0.1).add(Decimals.of(0.2))).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    @DisplayName("a JSON integer stays a whole number; absent, NaN and infinities are no value")
    void wholeNumbersAndNoValue() {
        assertThat(Decimals.of(1200L)).isEqualTo(BigDecimal.valueOf(1200));
        assertThat(Decimals.of(5)).isEqualTo(BigDecimal.valueOf(5));
        assertThat(Decimals.of(null)).isNull();
        assertThat(Decimals.of(Double.NaN)).isNull();
        assertThat(Decimals.of(Double.POSITIVE_INFINITY)).isNull();
    }
}
