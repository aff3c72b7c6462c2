package com.newsmell.collector.writekey;

/** Resolves the write key a client presented to the live (unrevoked) key it names, or empty. */
public interface WriteKeys {
    io.smallrye.mutiny.Uni<java.util.Optional<WriteKey>> resolve(String presentedKey);
}
