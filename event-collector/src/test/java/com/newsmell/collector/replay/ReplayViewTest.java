package com.newsmell.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A replay's status from its sources and the acknowledged counts (pure). */
class ReplayViewTest {

    private static ReplayView.Source source(String status, long published) {
        return new ReplayView.Source("postgres", status, published, List.of(), null, null, null);
    }

    private static ReplayView.Consumed received(long n) {
        return new ReplayView.Consumed(n, n, 0, 0);
    }

    @Test
    void aFailedSourceFailsTheReplay() {
        assertThat(ReplayView.status(List.of(source("done", 5), source("failed", 0)), 5, received(5)))
                .isEqualTo("failed");
    }

    @Test
    void aPendingOrRunningSourceIsStillPublishing() {
        assertThat(ReplayView.status(List.of(source("done", 5), source("pending", 0)), 5, received(5)))
                .isEqualTo("publishing");
        assertThat(ReplayView.status(List.of(source("running", 5)), 5, received(5)))
                .isEqualTo("publishing");
    }

    @Test
    void publishedButNotAllAcknowledgedIsApplyingThenDone() {
        assertThat(ReplayView.status(List.of(source("done", 5)), 5, received(4)))
                .isEqualTo("applying");
        assertThat(ReplayView.status(List.of(source("done", 5)), 5, received(5)))
                .isEqualTo("done");
        assertThat(ReplayView.status(List.of(source("done", 0)), 0, received(0)))
                .isEqualTo("done");
    }
}
