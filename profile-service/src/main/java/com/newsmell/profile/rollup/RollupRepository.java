package com.newsmell.profile.rollup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The rollups' writes (ADR 0012 rule 4: additive counters, one {@code insert … on conflict do update} statement per
 * table and batch). A batch's rows travel as one jsonb array ({@code jsonb_to_recordset}), in key order.
 */
@ApplicationScoped
public class RollupRepository {

    private static final String DAYS = "insert into user_day_activity as t (user_id, day, event_counts, hour_counts,"
            + " search_terms, rating_count, rating_sum, review_length_count, review_length_sum)"
            + " select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(user_id text, day date,"
            + " event_counts jsonb, hour_counts jsonb, search_terms jsonb, rating_count bigint, rating_sum numeric,"
            + " review_length_count bigint, review_length_sum bigint)"
            + " on conflict (user_id, day) do update set"
            + " event_counts = jsonb_sum(t.event_counts, excluded.event_counts),"
            + " hour_counts = jsonb_sum(t.hour_counts, excluded.hour_counts),"
            + " search_terms = jsonb_sum(t.search_terms, excluded.search_terms),"
            + " rating_count = t.rating_count + excluded.rating_count,"
            + " rating_sum = t.rating_sum + excluded.rating_sum,"
            + " review_length_count = t.review_length_count + excluded.review_length_count,"
            + " review_length_sum = t.review_length_sum + excluded.review_length_sum";

    private static final String PERFUME_DAYS = "insert into user_perfume_day as t (user_id, perfume_id, day, views,"
            + " notes_expanded, reviews, wishlist_adds, collection_adds)"
            + " select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(user_id text,"
            + " perfume_id text, day date, views bigint, notes_expanded bigint, reviews bigint, wishlist_adds bigint,"
            + " collection_adds bigint)"
            + " on conflict (user_id, perfume_id, day) do update set views = t.views + excluded.views,"
            + " notes_expanded = t.notes_expanded + excluded.notes_expanded, reviews = t.reviews + excluded.reviews,"
            + " wishlist_adds = t.wishlist_adds + excluded.wishlist_adds,"
            + " collection_adds = t.collection_adds + excluded.collection_adds";

    private static final String PERFUMES = "insert into user_perfume as t (user_id, perfume_id, views,"
            + " view_duration_ms, sources, device_types, first_interaction, last_interaction, wishlist_in,"
            + " wishlist_at, wishlist_event, collection_in, collection_at, collection_event, rating_value, rating_at,"
            + " rating_event, reviewed, interactions, last_viewed_at)"
            + " select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(user_id text,"
            + " perfume_id text, views bigint, view_duration_ms double precision, sources jsonb, device_types jsonb,"
            + " first_interaction timestamptz, last_interaction timestamptz, wishlist_in boolean,"
            + " wishlist_at timestamptz, wishlist_event text, collection_in boolean, collection_at timestamptz,"
            + " collection_event text, rating_value numeric, rating_at timestamptz, rating_event text,"
            + " reviewed boolean, interactions bigint, last_viewed_at timestamptz)"
            + " on conflict (user_id, perfume_id) do update set views = t.views + excluded.views,"
            + " view_duration_ms = t.view_duration_ms + excluded.view_duration_ms,"
            + " sources = jsonb_sum(t.sources, excluded.sources),"
            + " device_types = jsonb_sum(t.device_types, excluded.device_types),"
            + " first_interaction = least(t.first_interaction, excluded.first_interaction),"
            + " last_interaction = greatest(t.last_interaction, excluded.last_interaction),"
            + latestWins("wishlist", "in") + "," + latestWins("collection", "in") + "," + latestWins("rating", "value")
            + ", reviewed = t.reviewed or excluded.reviewed"
            // V8: a row from before V8 has no count (null + n stays null: unknown, never a wrong count)
            + ", interactions = t.interactions + excluded.interactions"
            + ", last_viewed_at = greatest(t.last_viewed_at, excluded.last_viewed_at)";

    /**
     * Each user's profile row, created if missing, with the latest event time and the signup's inputs (ADR 0020: the
     * earliest event and the earliest USER_REGISTERED, {@code least} ignoring nulls, so any order gives the same); and
     * their recompute mark.
     */
    private static final String TOUCH = "with r as (select * from jsonb_to_recordset(cast(cast(:rows as text) as"
            + " jsonb)) as r(user_id text, last_active timestamptz, first_event timestamptz, registered timestamptz)),"
            + " profiles as (insert into user_behavior_profile as t (user_id, last_active_date, first_event_at,"
            + " registered_at)"
            + " select user_id, last_active, first_event, registered from r on conflict (user_id) do update"
            + " set last_active_date = greatest(t.last_active_date, excluded.last_active_date),"
            + " first_event_at = least(t.first_event_at, excluded.first_event_at),"
            + " registered_at = least(t.registered_at, excluded.registered_at))"
            + " insert into profile_pending (user_id, seq) select user_id, nextval('profile_pending_seq') from r"
            + " on conflict (user_id) do update set seq = excluded.seq";

    /** The latest-wins merge of one {@link Latest} column group: (at, event) compared as a row. */
    private static String latestWins(String prefix, String valueColumn) {
        String newer = "(excluded." + prefix + "_at is not null and (t." + prefix + "_at is null or (excluded." + prefix
                + "_at, excluded." + prefix + "_event collate \"C\") > (t." + prefix + "_at, t." + prefix
                + "_event collate \"C\")))";
        StringBuilder sql = new StringBuilder();
        for (String column : List.of(valueColumn, "at", "event")) {
            if (!sql.isEmpty()) {
                sql.append(", ");
            }
            String c = prefix + "_" + column;
            sql.append(c)
                    .append(" = case when ")
                    .append(newer)
                    .append(" then excluded.")
                    .append(c)
                    .append(" else t.")
                    .append(c)
                    .append(" end");
        }
        return sql.toString();
    }

    /** Adds the batch's rollup rows and marks its users for recomputation. */
    public Uni<Void> add(Rollup rollup) {
        if (rollup.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return execute(TOUCH, touchRows(rollup))
                .chain(() -> execute(DAYS, dayRows(rollup.days())))
                .chain(() -> rollup.perfumeDays().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : execute(PERFUME_DAYS, perfumeDayRows(rollup.perfumeDays())))
                .chain(() -> rollup.perfumes().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : execute(PERFUMES, perfumeRows(rollup.perfumes())));
    }

    /**
     * Drops the rollup days no profile reads any more: preference signals before the window, day activity (and the
     * anonymous visitors' parked events) before the history. Returns the rows dropped.
     */
    public Uni<Integer> prune(java.time.LocalDate windowStart, java.time.LocalDate historyStart) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from user_perfume_day where day < :ws")
                        .setParameter("ws", windowStart)
                        .executeUpdate()
                        .chain(a -> session.createNativeQuery("delete from user_day_activity where day < :hs")
                                .setParameter("hs", historyStart)
                                .executeUpdate()
                                .map(b -> a + b))
                        // an anonymous visitor's parked events (ADR 0064) no profile would read either
                        .chain(ab -> session.createNativeQuery(
                                        "delete from anonymous_event where timestamp < cast(:hs as date)")
                                .setParameter("hs", historyStart)
                                .executeUpdate()
                                .map(c -> ab + c)));
    }

    private static Uni<Void> execute(String sql, ArrayNode rows) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter("rows", rows.toString())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static ArrayNode touchRows(Rollup rollup) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        rollup.lastActive().forEach((user, at) -> {
            ObjectNode row = rows.addObject()
                    .put("user_id", user)
                    .put("last_active", at.toString())
                    .put("first_event", rollup.firstEvent().get(user).toString());
            java.time.Instant registered = rollup.registered().get(user);
            if (registered != null) {
                row.put("registered", registered.toString());
            }
        });
        return rows;
    }

    private static ArrayNode dayRows(List<DayActivity> days) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (DayActivity d : days) {
            ObjectNode row = rows.addObject()
                    .put("user_id", d.userId())
                    .put("day", d.day().toString());
            counts(row.putObject("event_counts"), d.eventCounts());
            counts(row.putObject("hour_counts"), d.hourCounts());
            counts(row.putObject("search_terms"), d.searchTerms());
            row.put("rating_count", d.ratingCount())
                    .put("rating_sum", d.ratingSum())
                    .put("review_length_count", d.reviewLengthCount())
                    .put("review_length_sum", d.reviewLengthSum());
        }
        return rows;
    }

    private static ArrayNode perfumeDayRows(List<PerfumeDay> perfumeDays) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (PerfumeDay p : perfumeDays) {
            rows.addObject()
                    .put("user_id", p.userId())
                    .put("perfume_id", p.perfumeId())
                    .put("day", p.day().toString())
                    .put("views", p.views())
                    .put("notes_expanded", p.notesExpanded())
                    .put("reviews", p.reviews())
                    .put("wishlist_adds", p.wishlistAdds())
                    .put("collection_adds", p.collectionAdds());
        }
        return rows;
    }

    private static ArrayNode perfumeRows(List<PerfumeState> perfumes) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (PerfumeState s : perfumes) {
            ObjectNode row = rows.addObject()
                    .put("user_id", s.userId())
                    .put("perfume_id", s.perfumeId())
                    .put("views", s.views())
                    .put("view_duration_ms", s.viewDurationMs());
            counts(row.putObject("sources"), s.sources());
            counts(row.putObject("device_types"), s.deviceTypes());
            row.put("first_interaction", s.firstInteraction().toString())
                    .put("last_interaction", s.lastInteraction().toString())
                    .put("reviewed", s.reviewed())
                    .put("interactions", s.interactions());
            if (s.lastViewedAt() != null) {
                row.put("last_viewed_at", s.lastViewedAt().toString());
            }
            latest(row, "wishlist", "in", s.wishlist());
            latest(row, "collection", "in", s.collection());
            if (s.rating() != null) {
                row.put("rating_value", s.rating().value());
                row.put("rating_at", s.rating().at().toString())
                        .put("rating_event", s.rating().eventId());
            }
        }
        return rows;
    }

    private static void latest(ObjectNode row, String prefix, String valueColumn, Latest<Boolean> latest) {
        if (latest != null) {
            row.put(prefix + "_" + valueColumn, latest.value())
                    .put(prefix + "_at", latest.at().toString())
                    .put(prefix + "_event", latest.eventId());
        }
    }

    private static void counts(ObjectNode target, Map<String, Long> counts) {
        counts.forEach(target::put);
    }
}
