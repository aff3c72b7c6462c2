package com.newsmell.profile.recompute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.rollup.DayActivity;
import com.newsmell.profile.rollup.JsonParams;
import com.newsmell.profile.rollup.Latest;
import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what a chunk of users' profiles are computed from in one statement: one row per user, each table's rows of
 * the user aggregated into a JSON array by an index range scan (the users travel as one jsonb array parameter). A
 * row per user, not per rollup row, keeps the driver's per-row work to the chunk's size.
 */
@ApplicationScoped
public class InputRepository {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Per user: the day rows of the history and after (days after the run's are not counted, but keep the user
     * marked), the perfume days of the window, the perfume relations with a membership or a rating, and the count and
     * summed duration of the non-bot sessions that started in the window.
     */
    private static final String READ = "select u.user_id,"
            + " (select cast(json_agg(json_build_array(cast(d.day as text), d.event_counts, d.hour_counts,"
            + " d.search_terms, d.rating_count, cast(d.rating_sum as text), d.review_length_count,"
            + " d.review_length_sum)) as text) from user_day_activity d where d.user_id = u.user_id"
            + " and d.day >= :historyStart),"
            + " (select cast(json_agg(json_build_array(p.perfume_id, cast(p.day as text), p.views, p.notes_expanded,"
            + " p.reviews, p.wishlist_adds, p.collection_adds)) as text) from user_perfume_day p"
            + " where p.user_id = u.user_id and p.day >= :windowStart and p.day <= :day),"
            + " (select cast(json_agg(json_build_array(s.perfume_id, s.wishlist_in, s.collection_in,"
            + " cast(s.rating_value as text), cast(extract(epoch from s.rating_at) * 1000 as bigint), s.rating_event))"
            + " as text) from user_perfume s where s.user_id = u.user_id"
            + " and (s.wishlist_in or s.collection_in or s.rating_at is not null)),"
            + " (select cast(json_build_array(count(*), coalesce(sum(m.duration_seconds), 0)) as text)"
            + " from session_summary m where m.user_id = u.user_id and m.start_time >= :from"
            + " and m.start_time < :to and not m.is_bot)"
            + " from unnest(" + JsonParams.textArray("users") + ") as u(user_id)";

    /** The rollups of a chunk of users, by userId. */
    public record Chunk(
            Map<String, List<DayActivity>> days,
            Map<String, List<PerfumeDay>> perfumeDays,
            Map<String, List<PerfumeState>> perfumes,
            Map<String, ProfileInputs.Sessions> sessions) {

        /** Every perfume the chunk's preferences may need from the catalog. */
        public Set<String> perfumeIds() {
            Set<String> ids = new TreeSet<>();
            perfumeDays.values().forEach(list -> list.forEach(p -> ids.add(p.perfumeId())));
            perfumes.values().forEach(list -> list.forEach(p -> ids.add(p.perfumeId())));
            return ids;
        }
    }

    public Uni<Chunk> read(List<String> userIds, ProfileWindow w) {
        Instant dayEnd = w.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(READ, Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .setParameter("historyStart", w.historyStart())
                        .setParameter("windowStart", w.windowStart())
                        .setParameter("day", w.day())
                        .setParameter("from", w.windowStartInstant().atOffset(ZoneOffset.UTC))
                        .setParameter("to", dayEnd.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(InputRepository::chunk);
    }

    private static Chunk chunk(List<Object[]> rows) {
        Map<String, List<DayActivity>> days = new HashMap<>();
        Map<String, List<PerfumeDay>> perfumeDays = new HashMap<>();
        Map<String, List<PerfumeState>> perfumes = new HashMap<>();
        Map<String, ProfileInputs.Sessions> sessions = new HashMap<>();
        for (Object[] r : rows) {
            String user = (String) r[0];
            days.put(
                    user,
                    list(
                            r[1],
                            d -> new DayActivity(
                                    user,
                                    LocalDate.parse(d.get(0).asText()),
                                    counts(d.get(1)),
                                    counts(d.get(2)),
                                    counts(d.get(3)),
                                    d.get(4).asLong(),
                                    new BigDecimal(d.get(5).asText()),
                                    d.get(6).asLong(),
                                    d.get(7).asLong())));
            perfumeDays.put(
                    user,
                    list(
                            r[2],
                            p -> new PerfumeDay(
                                    user,
                                    p.get(0).asText(),
                                    LocalDate.parse(p.get(1).asText()),
                                    p.get(2).asLong(),
                                    p.get(3).asLong(),
                                    p.get(4).asLong(),
                                    p.get(5).asLong(),
                                    p.get(6).asLong())));
            perfumes.put(
                    user,
                    list(
                            r[3],
                            p -> new PerfumeState(
                                    user,
                                    p.get(0).asText(),
                                    0,
                                    0,
                                    Map.of(),
                                    Map.of(),
                                    null,
                                    null,
                                    membership(p.get(1)),
                                    membership(p.get(2)),
                                    p.get(3).isNull()
                                            ? null
                                            : new Latest<>(
                                                    new BigDecimal(p.get(3).asText()),
                                                    Instant.ofEpochMilli(
                                                            p.get(4).asLong()),
                                                    p.get(5).asText()),
                                    false)));
            JsonNode summaries = parse((String) r[4]);
            if (summaries.get(0).asLong() > 0) {
                sessions.put(
                        user,
                        new ProfileInputs.Sessions(
                                summaries.get(0).asLong(), summaries.get(1).asLong()));
            }
        }
        return new Chunk(days, perfumeDays, perfumes, sessions);
    }

    /** The catalog facts of these perfumes that the cache does not hold yet, read into it; then the cache. */
    public Uni<Map<String, ProfileInputs.CatalogFacts>> catalog(Collection<String> perfumeIds, CatalogCache cache) {
        List<String> missing =
                perfumeIds.stream().filter(id -> !cache.known(id)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(cache.facts());
        }
        String sql = "select perfume_id, house_id, perfume_type, cast(price_amount as text), cast(notes as text)"
                + " from perfume_catalog where perfume_id = any(" + JsonParams.textArray("ids") + ")";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("ids", JsonParams.array(missing))
                        .getResultList())
                .map(rows -> {
                    for (Object[] r : rows) {
                        List<String> notes = new ArrayList<>();
                        parse((String) r[4])
                                .forEach(note -> notes.add(note.get("noteId").asText()));
                        cache.put(new ProfileInputs.CatalogFacts(
                                (String) r[0],
                                (String) r[1],
                                notes,
                                (String) r[2],
                                r[3] == null ? null : new BigDecimal((String) r[3])));
                    }
                    missing.forEach(cache::looked);
                    return cache.facts();
                });
    }

    /**
     * The catalog facts one run has read (a run reads each perfume once, whatever the number of chunks); a perfume
     * the catalog did not know when looked up stays unknown for the rest of the run (its arrival marks its users for
     * the next run).
     */
    public static final class CatalogCache {
        private final Map<String, ProfileInputs.CatalogFacts> facts = new ConcurrentHashMap<>();
        private final Set<String> looked = ConcurrentHashMap.newKeySet();

        boolean known(String perfumeId) {
            return looked.contains(perfumeId);
        }

        void put(ProfileInputs.CatalogFacts f) {
            facts.put(f.perfumeId(), f);
        }

        void looked(String perfumeId) {
            looked.add(perfumeId);
        }

        Map<String, ProfileInputs.CatalogFacts> facts() {
            return facts;
        }
    }

    private static <T> List<T> list(Object json, java.util.function.Function<JsonNode, T> of) {
        if (json == null) {
            return List.of();
        }
        JsonNode array = parse((String) json);
        List<T> items = new ArrayList<>(array.size());
        array.forEach(element -> items.add(of.apply(element)));
        return items;
    }

    private static Latest<Boolean> membership(JsonNode in) {
        return in.isNull() ? null : new Latest<>(in.asBoolean(), Instant.EPOCH, "");
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
