package com.newsmell.toolkit.catalog;

import io.smallrye.mutiny.Uni;

/**
 * Told of every perfume that {@link CatalogCopy} stored or deleted, inside the transaction that did it; a bean of the
 * service (profile-service marks the perfume's users for recomputation).
 */
public interface CatalogChangeListener {

    Uni<Void> changed(String perfumeId);
}
