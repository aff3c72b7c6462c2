package com.newsmell.recommendation.feedback;

import com.newsmell.contract.UserInteractionEvent;
import com.newsmell.recommendation.attribution.AttributedRow;
import com.newsmell.recommendation.attribution.LedgerReader;
import com.newsmell.recommendation.config.RecommendationConfig;
import com.newsmell.toolkit.consumer.EventBatchProcessor.Rejection;
import com.newsmell.toolkit.consumer.EventClaims;
import com.newsmell.toolkit.identity.IdentityLinkStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Folds a batch of events into the ledger (ADR 0012, 0023), in one transaction: claim the eventIds of the relevant
 * events (ADR 0004), record the sessions' users, create and lock the ledger rows the fresh recommendation events touch
 * and fold them (Hibernate flushes the changed rows at commit), insert the conversion facts, mark the days whose
 * rollup they change. Bot traffic is skipped, and not claimed.
 */
@ApplicationScoped
public class FeedbackService {

    private final RecommendationFeedbackRepository feedback;
    private final FactsRepository facts;
    private final EventClaims claims;
    private final RecommendationConfig config;
    private final LedgerReader ledger;
    private final IdentityLinkStore links;

    public FeedbackService(
            RecommendationFeedbackRepository feedback,
            FactsRepository facts,
            EventClaims claims,
            RecommendationConfig config,
            LedgerReader ledger,
            IdentityLinkStore links) {
        this.ledger = ledger;
        this.links = links;
        this.feedback = feedback;
        this.facts = facts;
        this.claims = claims;
        this.config = config;
    }

    /** Whether any of the events concerns this service (lets the consumer skip a transaction). */
    public static boolean concernsAny(List<UserInteractionEvent> events) {
        return events.stream().anyMatch(e -> FeedbackFold.relevant(e) || FeedbackFold.identifies(e));
    }

    /**
     * Folds the events; an anonymous event whose anonymousId is linked is folded as the linked user's (ADR 0064), and
     * the visitor's advisory lock keeps a link being stitched from missing the batch's rows.
     */
    @WithTransaction
    public Uni<List<Rejection>> apply(List<UserInteractionEvent> events) {
        return links.lockVisitors(
                        events.stream().map(UserInteractionEvent::anonymousId).toList())
                .chain(() -> links.attribute(events))
                .chain(this::applyAttributed);
    }

    private Uni<List<Rejection>> applyAttributed(List<UserInteractionEvent> events) {
        Instant now = Instant.now();
        List<UserInteractionEvent> relevant =
                events.stream().filter(FeedbackFold::relevant).toList();
        List<UserInteractionEvent> identifying =
                events.stream().filter(FeedbackFold::identifies).toList();
        // a session's user is idempotent (the earliest wins): taken from every identified event, claimed or not
        return facts.identify(FeedbackFold.identities(identifying))
                .chain(() -> relevant.isEmpty()
                        ? Uni.createFrom().item(List.<UserInteractionEvent>of())
                        : claims.claim(relevant))
                .chain(fresh -> {
                    List<UserInteractionEvent> changing = new ArrayList<>(fresh);
                    changing.addAll(identifying);
                    return fold(fresh, now)
                            .chain(() -> facts.insertConversions(FeedbackFold.conversions(fresh)))
                            .chain(() ->
                                    facts.markDirty(FeedbackFold.dirtyDays(changing, config.attributionWindow()), now));
                })
                .replaceWith(List.of());
    }

    /** A recommendation's rows, attributed, by position (rows whose SHOWN has not arrived yet last). */
    public Uni<List<AttributedRow>> recommendation(String recommendationId) {
        return ledger.recommendation(recommendationId);
    }

    /**
     * One page of the impressions of a window, in (impressionTime, id) order (fetches limit + 1 rows), each
     * attributed: the rows are selected by the keyset, then the impressions of their time span are read with their
     * attribution.
     */
    @WithSession
    public Uni<List<AttributedRow>> page(FeedbackListQuery query) {
        return feedback.page(query).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<AttributedRow>of());
            }
            Instant first = rows.get(0).impressionTime;
            Instant last = rows.get(rows.size() - 1).impressionTime;
            return ledger.impressions(first, last.plusNanos(1000)).map(attributed -> {
                Map<Long, AttributedRow> byId = new HashMap<>();
                attributed.forEach(a -> byId.put(a.row().id(), a));
                return rows.stream().map(r -> byId.get(r.id)).toList();
            });
        });
    }

    /**
     * One page of each of these users' impressions (the query's window, algorithm and cursor), attributed, in
     * (impressionTime, id) order: limit + 1 rows per user, so that the caller knows whether there is a next page.
     * Three statements for any number of users (the GraphQL subgraph's batches).
     */
    public Uni<Map<String, List<AttributedRow>>> pagesOf(List<String> userIds, FeedbackListQuery query) {
        return ledger.ofUsers(query.userRows(userIds)).map(rows -> {
            Map<String, List<AttributedRow>> byUser = new HashMap<>();
            userIds.forEach(u -> byUser.put(u, new ArrayList<>()));
            rows.forEach(a -> byUser.computeIfAbsent(a.row().userId(), u -> new ArrayList<>())
                    .add(a));
            return byUser;
        });
    }

    private Uni<Void> fold(List<UserInteractionEvent> fresh, Instant now) {
        SortedMap<FeedbackKey, List<UserInteractionEvent>> byKey = FeedbackFold.byKey(fresh);
        if (byKey.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return feedback.createAndLock(List.copyOf(byKey.keySet()))
                .invoke(locked -> FeedbackFold.fold(locked, byKey, now))
                .replaceWithVoid();
    }
}
