package com.newsmell.perfumestats.membership;

import com.newsmell.toolkit.persistence.AggregateRows;
import com.newsmell.toolkit.persistence.AggregateRows.KeyPart;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, Membership.Key> {

    private static final List<KeyPart<Membership.Key>> KEY = List.of(
            new KeyPart<>("list_kind", "listKind", k -> k.listKind),
            new KeyPart<>("user_key", "userKey", k -> k.userKey),
            new KeyPart<>("perfume_id", "perfumeId", k -> k.perfumeId));

    /**
     * The memberships of these triples, created if missing and locked for the rest of the transaction in key order
     * (ADR 0008, 0012; {@link AggregateRows#createAndLock}).
     */
    @WithSession
    public Uni<List<Membership>> createAndLock(List<Membership.Key> sortedKeys) {
        return getSession()
                .chain(session -> AggregateRows.createAndLock(
                        session, Membership.class, "membership", KEY, sortedKeys, Membership::key));
    }
}
