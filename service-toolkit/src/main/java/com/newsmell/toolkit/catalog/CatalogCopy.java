package com.newsmell.toolkit.catalog;

import com.newsmell.contract.PerfumeCatalogEntry;
import com.newsmell.contract.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;

/**
 * Applies one record of the catalog topic to the service's copy (ADR 0016): an entry is upserted by perfumeId unless
 * an older version than stored; a tombstone (null value) deletes the perfume. A service that derives data from the
 * catalog is told of each stored or deleted perfume in the same transaction ({@link CatalogChangeListener}).
 * Idempotent: applying a record twice leaves what applying it once did.
 */
@ApplicationScoped
public class CatalogCopy {

    /** What a record did. */
    public enum Outcome {
        STORED,
        IGNORED_OLDER,
        DELETED,
        DELETED_UNKNOWN
    }

    private final CatalogCopyRepository catalog;
    private final Instance<CatalogChangeListener> listeners;

    public CatalogCopy(CatalogCopyRepository catalog, Instance<CatalogChangeListener> listeners) {
        this.catalog = catalog;
        this.listeners = listeners;
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
            return catalog.delete(key)
                    .call(found -> found ? changed(key) : Uni.createFrom().voidItem())
                    .map(found -> found ? Outcome.DELETED : Outcome.DELETED_UNKNOWN);
        }
        PerfumeCatalogEntry entry = PerfumeCatalogEntry.fromJson(value);
        if (!entry.perfumeId().equals(key)) {
            throw new PerfumeCatalogEntry.Invalid(List.of(
                    new Violation("/perfumeId", Violation.RULE_MISMATCH, "the record's key is not its perfumeId")));
        }
        return catalog.upsert(entry)
                .call(stored -> stored ? changed(key) : Uni.createFrom().voidItem())
                .map(stored -> stored ? Outcome.STORED : Outcome.IGNORED_OLDER);
    }

    private Uni<Void> changed(String perfumeId) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (CatalogChangeListener listener : listeners) {
            all = all.chain(() -> listener.changed(perfumeId));
        }
        return all;
    }
}
