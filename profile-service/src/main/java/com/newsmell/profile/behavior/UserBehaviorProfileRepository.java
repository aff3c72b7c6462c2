package com.newsmell.profile.behavior;

import com.newsmell.profile.calculation.ComputedProfile;
import com.newsmell.profile.rollup.JsonParams;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class UserBehaviorProfileRepository implements PanacheRepositoryBase<UserBehaviorProfile, String> {

    /**
     * The computed fields of a chunk of profiles, one statement; lastActiveDate stays the consumer's. The nested lists
     * arrive as JSON strings and are stored as they are (text columns, V9).
     */
    static final String SAVE = "update user_behavior_profile p set"
            + " preferred_notes = r.preferred_notes, preferred_houses = r.preferred_houses,"
            + " preferred_price_range = r.preferred_price_range,"
            + " preferred_perfume_types = r.preferred_perfume_types, total_sessions = r.total_sessions,"
            + " total_page_views = r.total_page_views, total_perfumes_viewed = r.total_perfumes_viewed,"
            + " total_searches = r.total_searches, total_interactions = r.total_interactions,"
            + " avg_session_duration_ms = r.avg_session_duration_ms, total_ratings = r.total_ratings,"
            + " avg_rating_value = r.avg_rating_value, total_reviews = r.total_reviews,"
            + " avg_review_length = r.avg_review_length, collection_size = r.collection_size,"
            + " wishlist_size = r.wishlist_size, trading_activity = r.trading_activity,"
            + " active_time_of_day = r.active_time_of_day, active_days_of_week = r.active_days_of_week,"
            + " search_patterns = r.search_patterns, browsing_style = r.browsing_style,"
            + " engagement_score = r.engagement_score, usual_gap_days = r.usual_gap_days,"
            + " window_start = r.window_start, history_start = r.history_start, as_of = r.as_of,"
            + " computed_by = r.computed_by, updated_at = now()"
            + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(user_id text,"
            + " preferred_notes text, preferred_houses text, preferred_price_range text,"
            + " preferred_perfume_types text, total_sessions integer, total_page_views integer,"
            + " total_perfumes_viewed integer, total_searches integer, total_interactions integer,"
            + " avg_session_duration_ms double precision, total_ratings integer, avg_rating_value double precision,"
            + " total_reviews integer, avg_review_length double precision, collection_size integer,"
            + " wishlist_size integer, trading_activity integer, active_time_of_day text, active_days_of_week text,"
            + " search_patterns text, browsing_style text, engagement_score double precision,"
            + " usual_gap_days double precision, window_start date, history_start date, as_of timestamptz,"
            + " computed_by text)"
            + " where p.user_id = r.user_id";

    @WithSession
    public Uni<UserBehaviorProfile> findByUserId(String userId) {
        return findById(userId);
    }

    /** The profiles of these users (those that exist), with one query, in no particular order. */
    @WithSession
    public Uni<List<UserBehaviorProfile>> byUserIds(List<String> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("userId in ?1", userIds);
    }

    /**
     * One page of the profiles in the query's order after the cursor's profile, filtered by the query; fetches
     * {@code limit + 1} rows so that the caller knows whether there is a next page. Ordered by an index:
     * {@code idx_user_behavior_profile_last_active_user} (V4) or {@code idx_user_behavior_profile_engagement_user}
     * (V7).
     */
    @WithSession
    public Uni<List<UserBehaviorProfile>> page(ProfileListQuery q) {
        List<String> where = new ArrayList<>(List.of("lastActiveDate is not null"));
        Parameters params = new Parameters();
        if (q.window().from() != null) {
            where.add("lastActiveDate >= :from");
            params = params.and("from", q.window().from());
        }
        if (q.window().to() != null) {
            where.add("lastActiveDate < :to");
            params = params.and("to", q.window().to());
        }
        if (q.browsingStyle() != null) {
            where.add("browsingStyle = :style");
            params = params.and("style", q.browsingStyle().name());
        }
        if (q.minEngagement() != null) {
            where.add("engagementScore >= :minEngagement");
            params = params.and("minEngagement", q.minEngagement());
        }
        String key = q.sort() == ProfileListQuery.Sort.engagementScore ? "engagementScore" : "lastActiveDate";
        if (q.after() != null) {
            where.add(key + " <= :afterKey");
            where.add("(" + key + " < :afterKey or userId > :afterUser)");
            params = params.and(
                            "afterKey",
                            q.sort() == ProfileListQuery.Sort.engagementScore
                                    ? q.after().engagementScore()
                                    : q.after().lastActiveDate())
                    .and("afterUser", q.after().userId());
        }
        return find(String.join(" and ", where), Sort.descending(key).and("userId", Sort.Direction.Ascending), params)
                .range(0, q.limit())
                .list();
    }

    /**
     * Locks the profiles of these users for the rest of the transaction, in userId order (the consumer's order: no
     * deadlock), and returns the ones that exist. A consumer batch for a locked user waits, so the run reads its
     * inputs and its recompute marks (the consumer's, in the same transaction) consistently.
     */
    public Uni<List<String>> lock(List<String> sortedUserIds) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select user_id from user_behavior_profile where user_id = any("
                                        + JsonParams.textArray("users") + ") order by user_id collate \"C\" for update",
                                String.class)
                        .setParameter("users", JsonParams.array(sortedUserIds))
                        .getResultList());
    }

    /** The next users with a profile after {@code afterUserId} (null: from the first), in the primary key's order. */
    public Uni<List<String>> userIdsAfter(String afterUserId, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select user_id from user_behavior_profile where user_id > :after"
                                        + " order by user_id limit :limit",
                                String.class)
                        .setParameter("after", afterUserId == null ? "" : afterUserId)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /** Writes the computed fields of these profiles (rows that do not exist are left alone). */
    public Uni<Integer> save(List<ComputedProfile> profiles, Instant asOf, String computedBy) {
        if (profiles.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String rows = ProfileJson.rows(profiles, asOf, computedBy);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SAVE)
                        .setParameter("rows", rows)
                        .executeUpdate());
    }
}
