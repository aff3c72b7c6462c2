package com.newsmell.perfumestats.rating;

import com.newsmell.toolkit.persistence.AggregateRows;
import com.newsmell.toolkit.persistence.AggregateRows.KeyPart;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PerfumeRatingRepository implements PanacheRepositoryBase<PerfumeRating, PerfumeRating.Key> {

    private static final List<KeyPart<PerfumeRating.Key>> KEY = List.of(
            new KeyPart<>("user_key", "userKey", k -> k.userKey),
            new KeyPart<>("perfume_id", "perfumeId", k -> k.perfumeId));

    /**
     * The ratings of these (user, perfume) pairs, created if missing and locked for the rest of the transaction in
     * key order (ADR 0008, 0012; {@link AggregateRows#createAndLock}).
     */
    @WithSession
    public Uni<List<PerfumeRating>> createAndLock(List<PerfumeRating.Key> sortedKeys) {
        return getSession()
                .chain(session -> AggregateRows.createAndLock(
                        session, PerfumeRating.class, "perfume_rating", KEY, sortedKeys, PerfumeRating::key));
    }
}
