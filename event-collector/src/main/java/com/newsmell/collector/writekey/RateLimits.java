package com.newsmell.collector.writekey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.newsmell.toolkit.observability.PipelineMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The ingest's token buckets, one per write key and one per client address, on this replica (ADR 0066): each
 * replica enforces its share of a deployment's limit, so with N replicas behind a balancer the deployment takes up to N
 * times the configured rate. A refusal is counted on {@code newsmell_rate_limited_requests_total} by {@code limit}.
 */
@ApplicationScoped
public class RateLimits {

    /** The {@code limit} tag of a refusal by the key's bucket. */
    public static final String WRITE_KEY = "write-key";

    /** The {@code limit} tag of a refusal by the client address's bucket. */
    public static final String CLIENT_IP = "client-ip";

    /** A bucket unused this long is full again anyway: it is forgotten. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final WriteKeyConfig config;
    private final PipelineMetrics metrics;
    private final Cache<String, TokenBucket> byKey;
    private final Cache<String, TokenBucket> byClientIp;

    public RateLimits(WriteKeyConfig config, PipelineMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.byKey = Caffeine.newBuilder()
                .expireAfterAccess(IDLE)
                .maximumSize(config.cacheSize())
                .build();
        this.byClientIp = Caffeine.newBuilder()
                .expireAfterAccess(IDLE)
                .maximumSize(config.clientIpBuckets())
                .build();
    }

    /** One request from this address (none known: not limited). */
    public TokenBucket.Take clientIp(String address) {
        if (address == null) {
            return new TokenBucket.Take(
                    true, config.clientIpLimit().burst(), config.clientIpLimit().burst(), 0);
        }
        WriteKeyConfig.Limit limit = config.clientIpLimit();
        return counted(
                byClientIp
                        .get(address, a -> new TokenBucket(limit.perSecond(), limit.burst(), System.nanoTime()))
                        .take(System.nanoTime()),
                CLIENT_IP);
    }

    /** One request with this key, by the key's own limit. */
    public TokenBucket.Take writeKey(StoredWriteKey key) {
        TokenBucket bucket = byKey.asMap()
                .compute(
                        key.id(),
                        (id, old) -> old != null && old.hasLimit(key.ratePerSecond(), key.burst())
                                ? old
                                : new TokenBucket(key.ratePerSecond(), key.burst(), System.nanoTime()));
        return counted(bucket.take(System.nanoTime()), WRITE_KEY);
    }

    private TokenBucket.Take counted(TokenBucket.Take take, String limit) {
        if (!take.allowed()) {
            metrics.rateLimited(limit, 1);
        }
        return take;
    }
}
