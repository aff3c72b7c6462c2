package com.newsmell.collector.writekey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The write keys of the write_key table, looked up by their hash. What a replica looked up (found or not) is trusted
 * for {@code newsmell.write-key.cache-ttl} (2 s): a key revoked on any replica stops working on every replica within
 * that time, and a flood of made-up keys costs at most one query per key and TTL (ADR 0065).
 */
@ApplicationScoped
public class HashedWriteKeys implements WriteKeys {

    /** Longer than any key this collector hands out; a longer one is not looked up. */
    static final int MAX_KEY_LENGTH = 128;

    private final WriteKeyRepository repository;
    private final WriteKeyHashing hashing;
    private final Cache<String, Optional<StoredWriteKey>> recent;

    public HashedWriteKeys(WriteKeyRepository repository, WriteKeyConfig config) {
        this.repository = repository;
        this.hashing = new WriteKeyHashing(config.pepper());
        this.recent = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
    }

    @Override
    public Uni<Optional<WriteKey>> resolve(String presentedKey) {
        return resolveStored(presentedKey).map(found -> found.map(StoredWriteKey::key));
    }

    /** The live key presented, with its rate limit. */
    public Uni<Optional<StoredWriteKey>> resolveStored(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = hashing.hash(presentedKey);
        Optional<StoredWriteKey> known = recent.getIfPresent(hash);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return repository.findLive(hash).invoke(found -> recent.put(hash, found));
    }

    /** The stored form of a key ({@link WriteKeyHashing#hash}). */
    String hash(String key) {
        return hashing.hash(key);
    }

    /** Forgets what this replica knows of the key: its revocation takes effect here at once. */
    void forget(String id) {
        recent.asMap()
                .values()
                .removeIf(found -> found.isPresent() && found.get().id().equals(id));
    }
}
