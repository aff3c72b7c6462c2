package com.newsmell.collector.writekey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        assertThat(bucket.take(0).remaining()).isEqualTo(2);
        assertThat(bucket.take(0).allowed()).isTrue();
        assertThat(bucket.take(0).allowed()).isTrue();
        TokenBucket.Take refused = bucket.take(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.waitNanos()).isEqualTo(SECOND / 2);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.limit()).isEqualTo(3);
    }

    @Test
    void tokensComeBackAtTheRateAndNeverAboveTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }
        assertThat(bucket.take(SECOND / 2).allowed()).isTrue();
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
        assertThat(bucket.take(100 * SECOND).remaining()).isEqualTo(2); // refilled to 3, one taken
    }

    @Test
    void aSlowRateWaitsWholeSeconds() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);
        bucket.take(0);
        assertThat(bucket.take(SECOND / 10).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TokenBucket(1, 1, 0).hasLimit(1, 1)).isTrue();
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
