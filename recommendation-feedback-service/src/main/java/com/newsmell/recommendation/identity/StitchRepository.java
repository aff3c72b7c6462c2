package com.newsmell.recommendation.identity;

import com.newsmell.recommendation.attribution.LedgerRepository;
import com.newsmell.recommendation.feedback.FeedbackFold.Identity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The statements of a stitch (ADR 0064), in the caller's transaction; each answers the instants it changed. */
@ApplicationScoped
public class StitchRepository {

    /** The visitor's ledger rows without a user get the user, as of the visitor's earliest event on the row. */
    public Uni<List<Instant>> ledger(String anonymousId, String userId, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update recommendation_feedback set user_id = :u, user_event_time = visitor_event_time,"
                                        + " updated_at = cast(:now as timestamptz) where visitor_id = :a and user_id is"
                                        + " null returning visitor_event_time",
                                Object.class)
                        .setParameter("u", userId)
                        .setParameter("a", anonymousId)
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(StitchRepository::instants);
    }

    /** The visitor's conversions without a user get the user. */
    public Uni<List<Instant>> conversions(String anonymousId, String userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "update recommendation_conversion set user_id = :u where anonymous_id = :a"
                                        + " and user_id is null returning occurred_at",
                                Object.class)
                        .setParameter("u", userId)
                        .setParameter("a", anonymousId)
                        .getResultList())
                .map(StitchRepository::instants);
    }

    /**
     * The sessions the visitor's rows and conversions were seen in, each as the user's from the visitor's earliest
     * event in it (a session id that is the anonymousId itself, a Segment-spec event's, is the visitor's too).
     */
    public Uni<List<Identity>> sessions(String anonymousId, String userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select anonymous_id, min(visitor_event_time) from recommendation_feedback where"
                                        + " visitor_id = :a and anonymous_id is not null group by anonymous_id"
                                        + " union all select session_id, min(occurred_at) from"
                                        + " recommendation_conversion where anonymous_id = :a group by session_id",
                                Object[].class)
                        .setParameter("a", anonymousId)
                        .getResultList())
                .map(rows -> {
                    Map<String, Instant> earliest = new TreeMap<>();
                    for (Object[] r : rows) {
                        Instant at = LedgerRepository.instant(r[1]);
                        earliest.merge((String) r[0], at, (x, y) -> x.isBefore(y) ? x : y);
                    }
                    return earliest.entrySet().stream()
                            .map(e -> new Identity(e.getKey(), userId, e.getValue()))
                            .toList();
                });
    }

    private static List<Instant> instants(List<Object> values) {
        return values.stream().map(LedgerRepository::instant).toList();
    }
}
