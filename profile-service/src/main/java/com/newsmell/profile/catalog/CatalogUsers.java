package com.newsmell.profile.catalog;

import com.newsmell.profile.rollup.PendingRepository;
import com.newsmell.toolkit.catalog.CatalogChangeListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A perfume's catalog entry arrived, changed or was deleted: every user who interacted with it is marked for the next
 * run, in the same transaction, so that their preferences fill in (issue #11: "preferences that need the catalog fill
 * in at the next run after the perfume arrives").
 */
@ApplicationScoped
public class CatalogUsers implements CatalogChangeListener {

    private final PendingRepository pending;

    public CatalogUsers(PendingRepository pending) {
        this.pending = pending;
    }

    @Override
    public Uni<Void> changed(String perfumeId) {
        return pending.markUsersOf(perfumeId).replaceWithVoid();
    }
}
