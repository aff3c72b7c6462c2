package com.newsmell.collector.writekey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Write keys and the ingest rate limits: {@code newsmell.write-key.*} (ADR 0065, 0066). The pepper comes from the
 * Secret {@code collector-write-keys} ({@code NEWSMELL_WRITE_KEY_PEPPER}); it has no default.
 */
@ConfigMapping(prefix = "newsmell.write-key")
public interface WriteKeyConfig {

    /** The HMAC key write keys are hashed with; changing it invalidates every write key. */
    String pepper();

    /**
     * How long a replica trusts what it looked up about a key (found or not): a revoked key stops working on every
     * replica within this time.
     */
    @WithDefault("PT2S")
    Duration cacheTtl();

    /** Most keys (and unknown keys) a replica remembers. */
    @WithDefault("10000")
    int cacheSize();

    /** The limit a key gets when it is created without one; a key's own limit is stored with it. */
    Limit keyLimit();

    /** The limit of each client IP address, whatever key it uses; checked before the key is looked up. */
    Limit clientIpLimit();

    /** Most client addresses a replica keeps a bucket for (the least recently seen are forgotten). */
    @WithDefault("100000")
    int clientIpBuckets();

    /** A token bucket: {@code per-second} tokens added each second, at most {@code burst} held; one per request. */
    interface Limit {

        /** Sustained requests per second, on this replica. */
        int perSecond();

        /** Requests that may come at once after a quiet period. */
        int burst();
    }
}
