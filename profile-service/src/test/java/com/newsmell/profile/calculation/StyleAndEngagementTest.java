package com.newsmell.profile.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** browsingStyle's rules in order, and engagementScore's components, pure. */
class StyleAndEngagementTest {

    private static final ProfileRules RULES = ProfileRules.defaults();

    @Test
    @DisplayName("none without events; trader before casual; casual below 30 events or 3 days; explorer or focused")
    void browsingStyle() {
        assertThat(BrowsingStyle.of(0, 0, 0, 0, 0, RULES)).isNull();
        assertThat(BrowsingStyle.of(5, 1, 3, 0, 0, RULES)).isEqualTo(BrowsingStyle.trader);
        assertThat(BrowsingStyle.of(29, 10, 2, 20, 20, RULES)).isEqualTo(BrowsingStyle.casual);
        assertThat(BrowsingStyle.of(100, 2, 0, 20, 20, RULES)).isEqualTo(BrowsingStyle.casual);
        assertThat(BrowsingStyle.of(30, 3, 0, 15, 30, RULES)).isEqualTo(BrowsingStyle.explorer);
        assertThat(BrowsingStyle.of(30, 3, 0, 15, 31, RULES)).isEqualTo(BrowsingStyle.focused);
        assertThat(BrowsingStyle.of(30, 3, 0, 14, 14, RULES)).isEqualTo(BrowsingStyle.focused);
    }

    @Test
    @DisplayName("activity 30 × days/30 + volume 20 × events/200 + depth 30 × actions/10 + sessions 20 × s/600, capped")
    void engagementScore() {
        assertThat(EngagementScore.of(0, 0, 0, 0, RULES)).isEqualTo(0.0);
        assertThat(EngagementScore.of(15, 100, 5, 300, RULES)).isEqualTo(15 + 10 + 15 + 10.0);
        assertThat(EngagementScore.of(30, 10_000, 500, 7200, RULES)).isEqualTo(100.0);
        assertThat(EngagementScore.of(1, 1, 1, 1, RULES)).isEqualTo(4.13); // 1 + 0.1 + 3 + 0.0333
    }
}
