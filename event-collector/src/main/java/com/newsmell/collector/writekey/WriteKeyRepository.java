package com.newsmell.collector.writekey;

import com.newsmell.collector.replay.ReplayRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** write_key (V65). */
@ApplicationScoped
public class WriteKeyRepository {

    private static final String COLUMNS = "select cast(write_key_id as text), source,"
            + " array_to_string(allowed_origins, ' '), rate_per_second, burst, key_prefix, created_at, revoked_at"
            + " from write_key";

    @WithSession
    public Uni<Void> insert(StoredWriteKey key, String keyHash) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into write_key (write_key_id, source, key_hash, key_prefix,"
                                + " allowed_origins, rate_per_second, burst, created_at) values (cast(:id as uuid),"
                                + " :source, :hash, :prefix, string_to_array(:origins, ' '), :rate, :burst, :at)")
                        .setParameter("id", key.id())
                        .setParameter("source", key.source())
                        .setParameter("hash", keyHash)
                        .setParameter("prefix", key.keyPrefix())
                        .setParameter("origins", String.join(" ", key.allowedOrigins()))
                        .setParameter("rate", key.ratePerSecond())
                        .setParameter("burst", key.burst())
                        .setParameter("at", key.createdAt().atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The live key with this hash, if any. */
    @WithSession
    public Uni<Optional<StoredWriteKey>> findLive(String keyHash) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                COLUMNS + " where key_hash = :hash and revoked_at is null", Object[].class)
                        .setParameter("hash", keyHash)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(WriteKeyRepository::stored));
    }

    @WithSession
    public Uni<Optional<StoredWriteKey>> find(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(COLUMNS + " where write_key_id = cast(:id as uuid)", Object[].class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(WriteKeyRepository::stored));
    }

    /** A page of keys, newest first, after (createdAt, id); limit + 1 rows. */
    @WithSession
    public Uni<List<StoredWriteKey>> page(int limit, Instant afterAt, UUID afterId) {
        String where = afterAt == null ? "" : " where (created_at, write_key_id) < (:at, cast(:id as uuid))";
        return Panache.getSession()
                .chain(s -> {
                    var q = s.createNativeQuery(
                                    COLUMNS + where + " order by created_at desc, write_key_id desc limit :limit",
                                    Object[].class)
                            .setParameter("limit", limit + 1);
                    if (afterAt != null) {
                        q.setParameter("at", afterAt.atOffset(ZoneOffset.UTC)).setParameter("id", afterId.toString());
                    }
                    return q.getResultList();
                })
                .map(rows -> rows.stream().map(WriteKeyRepository::stored).toList());
    }

    /** Revokes the key (once: a revoked key keeps its first revocation time); whether it exists. */
    @WithSession
    public Uni<Boolean> revoke(UUID id, Instant at) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update write_key set revoked_at = coalesce(revoked_at, :at)"
                                + " where write_key_id = cast(:id as uuid)")
                        .setParameter("id", id.toString())
                        .setParameter("at", at.atOffset(ZoneOffset.UTC))
                        .executeUpdate())
                .map(n -> n > 0);
    }

    private static StoredWriteKey stored(Object[] r) {
        String origins = (String) r[2];
        List<String> allowed = origins == null || origins.isBlank() ? List.of() : Arrays.asList(origins.split(" "));
        return new StoredWriteKey(
                new WriteKey((String) r[0], (String) r[1], List.copyOf(allowed)),
                ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(),
                (String) r[5],
                ReplayRepository.instant(r[6]),
                ReplayRepository.instant(r[7]));
    }
}
