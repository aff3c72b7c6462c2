package com.newsmell.toolkit.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.newsmell.contract.IdentityLink;
import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.toolkit.privacy.ErasureStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A consuming service's copy of the identity links it applied (ADR 0064): the toolkit's table {@code identity_link(anonymous_id
 * primary key, user_id, linked_at, via)} (db/toolkit/R__service_toolkit.sql). Joins the caller's session and
 * transaction.
 */
@ApplicationScoped
public class IdentityLinkStore {

    /** A user's erasure (ADR 0032) forgets the user's links too: the stitched anonymous ids. */
    public static final ErasureStep ERASURE =
            new ErasureStep("identity-links", "delete from identity_link where user_id = :userId");

    /** A stored link that the incoming one replaced, and the user it had (null when it is the first). */
    public record Change(IdentityLink link, String previousUserId) {}

    /**
     * Stores the link unless the stored one takes precedence ({@link LinkPrecedence}); empty when nothing changed (a
     * redelivery, or an older link).
     */
    public Uni<Optional<Change>> record(IdentityLink link) {
        Instant linkedAt = link.linkedAt().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        IdentityLink kept =
                new IdentityLink(link.anonymousId(), link.userId(), link.via(), linkedAt, link.source(), link.traits());
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select user_id, linked_at from identity_link where anonymous_id = :a for update",
                                Object[].class)
                        .setParameter("a", link.anonymousId())
                        .getResultList()
                        .chain(rows -> {
                            LinkPrecedence.Stored stored = rows.isEmpty()
                                    ? null
                                    : new LinkPrecedence.Stored((String) rows.get(0)[0], instant(rows.get(0)[1]));
                            if (!LinkPrecedence.supersedes(stored, kept)) {
                                return Uni.createFrom().item(Optional.<Change>empty());
                            }
                            return session.createNativeQuery("insert into identity_link (anonymous_id, user_id,"
                                            + " linked_at, via) values (:a, :u, cast(:t as timestamptz), :v)"
                                            + " on conflict (anonymous_id) do update set user_id = excluded.user_id,"
                                            + " linked_at = excluded.linked_at, via = excluded.via")
                                    .setParameter("a", kept.anonymousId())
                                    .setParameter("u", kept.userId())
                                    .setParameter("t", linkedAt.atOffset(ZoneOffset.UTC))
                                    .setParameter("v", kept.via())
                                    .executeUpdate()
                                    .map(n -> Optional.of(new Change(kept, stored == null ? null : stored.userId())));
                        }));
    }

    /**
     * Serialises, until the transaction ends, the work on these anonymous visitors (a PostgreSQL advisory lock per
     * anonymousId, taken in id order): a link's stitching and a batch of the visitor's events never miss each other
     * (each sees the other's commit). Take it before any row lock.
     */
    public Uni<Void> lockVisitors(Collection<String> anonymousIds) {
        List<String> ids = anonymousIds.stream()
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "with v as materialized (select jsonb_array_elements_text(cast("
                                        + "cast(:ids as text) as jsonb)) as id order by 1) select count(pg_advisory_xact_lock(hashtextextended("
                                        + "'identity:' || id, 0))) from v")
                        .setParameter("ids", jsonArray(ids))
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** The users these anonymousIds are linked to (an unlinked one is absent). */
    public Uni<Map<String, String>> usersOf(Collection<String> anonymousIds) {
        List<String> ids =
                anonymousIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select anonymous_id, user_id from identity_link where anonymous_id in (:ids)",
                                Object[].class)
                        .setParameter("ids", ids)
                        .getResultList())
                .map(rows -> {
                    Map<String, String> users = new HashMap<>();
                    rows.forEach(r -> users.put((String) r[0], (String) r[1]));
                    return users;
                });
    }

    /** The events with the users their anonymousIds are linked to ({@link Attribution}). */
    public Uni<List<UserInteractionEvent>> attribute(List<UserInteractionEvent> events) {
        List<String> anonymous = events.stream()
                .filter(Attribution::needsUser)
                .map(UserInteractionEvent::anonymousId)
                .toList();
        return anonymous.isEmpty()
                ? Uni.createFrom().item(events)
                : usersOf(anonymous).map(users -> Attribution.attribute(events, users));
    }

    private static String jsonArray(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamptz type " + value.getClass());
    }
}
