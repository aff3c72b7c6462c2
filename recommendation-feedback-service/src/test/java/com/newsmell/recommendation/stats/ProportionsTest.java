package com.newsmell.recommendation.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Wilson intervals and the two-proportion z-test against published worked examples. */
class ProportionsTest {

    // Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of seven methods.
    // Statistics in Medicine 17, 857-872, Table I, method 3 (score interval without continuity correction).
    @Test
    @DisplayName("Wilson 95%: Newcombe (1998) Table I, method 3")
    void wilsonAgainstNewcombe() {
        assertInterval(Proportions.wilson(81, 263, 0.95), 0.2553, 0.3662);
        assertInterval(Proportions.wilson(15, 148, 0.95), 0.0624, 0.1605);
        assertInterval(Proportions.wilson(0, 20, 0.95), 0.0, 0.1611);
        assertInterval(Proportions.wilson(1, 29, 0.95), 0.0061, 0.1718);
        assertThat(Proportions.wilson(0, 0, 0.95)).isNull();
        assertThat(Proportions.z(0.95)).isCloseTo(1.959964, within(1e-6));
    }

    // Agresti, A. (2007). An Introduction to Categorical Data Analysis, 2nd ed., section 2.2.3: the Physicians' Health
    // Study, myocardial infarction in 189 of 11,034 on placebo and 104 of 11,037 on aspirin: the difference of
    // proportions 0.0077, 95% interval (0.005, 0.011); the z statistic of the pooled test is 5.0 (p < 0.0001).
    @Test
    @DisplayName("two-proportion z-test and Wald interval: Agresti (2007), Physicians' Health Study")
    void zTestAgainstAgresti() {
        Proportions.ZTest test = Proportions.twoProportion(189, 11034, 104, 11037);
        assertThat(test.z()).isCloseTo(5.0, within(0.05));
        assertThat(test.pValue()).isLessThan(1e-4);
        Proportions.Interval d = Proportions.difference(189, 11034, 104, 11037, 0.95);
        assertThat(round3(d.lower())).isEqualTo(0.005);
        assertThat(round3(d.upper())).isEqualTo(0.011);
        assertThat(Proportions.twoProportion(0, 10, 0, 10)).isEqualTo(new Proportions.ZTest(0, 1));
        assertThat(Proportions.twoProportion(1, 0, 0, 10)).isNull();
    }

    private static void assertInterval(Proportions.Interval interval, double lower, double upper) {
        assertThat(interval.lower()).isCloseTo(lower, within(0.00006));
        assertThat(interval.upper()).isCloseTo(upper, within(0.00006));
    }

    private static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
