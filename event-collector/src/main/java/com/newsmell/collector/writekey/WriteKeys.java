package com.newsmell.collector.writekey;

/** Resolves a presented write key to its source, or empty when the key is unknown or revoked. */
public interface WriteKeys {
    io.smallrye.mutiny.Uni<java.util.Optional<WriteKey>> resolve(String presentedKey);
}
