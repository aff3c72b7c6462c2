package com.newsmell.profile.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.Violation;
import com.newsmell.profile.rollup.PendingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Applies one record of the catalog topic to profile-service's copy (ADR 0016): an entry is upserted by perfumeId
 * unless an older version than stored; a tombstone (null value) deletes the perfume. Either marks the users who
 * interacted with the perfume for the next run, so that their preferences fill in. Idempotent: applying a record
 * twice leaves what applying it once did.
 */
@ApplicationScoped
public class CatalogService {

    /** What a record did. */
    public enum Outcome {
        STORED,
        IGNORED_OLDER,
        DELETED,
        DELETED_UNKNOWN
    }

    private final CatalogRepository catalog;
    private final PendingRepository pending;

    public CatalogService(CatalogRepository catalog, PendingRepository pending) {
        this.catalog = catalog;
        this.pending = pending;
    }

    /**
     * Applies the record with this key and value.
     *
     * @throws PerfumeCatalogEntry.Invalid when it is no catalog record (bad JSON or entry, no key, a key that is not
     *     its perfumeId)
     */
    @WithTransaction
    public Uni<Outcome> apply(String key, String value) {
        if (key == null || key.isBlank()) {
            throw new PerfumeCatalogEntry.Invalid(
                    List.of(new Violation("", Violation.RULE_REQUIRED, "the record has no key (a perfumeId)")));
        }
        if (value == null) {
            return catalog.deleteByPerfumeId(key)
                    .call(found ->
                            found ? pending.markUsersOf(key) : Uni.createFrom().voidItem())
                    .map(found -> found ? Outcome.DELETED : Outcome.DELETED_UNKNOWN);
        }
        PerfumeCatalogEntry entry = PerfumeCatalogEntry.fromJson(value);
        if (!entry.perfumeId().equals(key)) {
            throw new PerfumeCatalogEntry.Invalid(List.of(
                    new Violation("/perfumeId", Violation.RULE_MISMATCH, "the record's key is not its perfumeId")));
        }
        return catalog.upsert(entry)
                .call(stored ->
                        stored ? pending.markUsersOf(key) : Uni.createFrom().voidItem())
                .map(stored -> stored ? Outcome.STORED : Outcome.IGNORED_OLDER);
    }
}
