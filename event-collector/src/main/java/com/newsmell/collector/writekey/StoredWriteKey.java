package com.newsmell.collector.writekey;

import java.time.Instant;
import java.util.List;

/**
 * A write key as stored (never the key itself): the live key it stands for, its rate limit, the prefix listings show,
 * when it was created and revoked (null while live).
 */
public record StoredWriteKey(
        WriteKey key, int ratePerSecond, int burst, String keyPrefix, Instant createdAt, Instant revokedAt) {

    public String id() {
        return key.id();
    }

    public String source() {
        return key.source();
    }

    public List<String> allowedOrigins() {
        return key.allowedOrigins();
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
