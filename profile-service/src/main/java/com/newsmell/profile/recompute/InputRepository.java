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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what a chunk of users' profiles are computed from: one statement per table for the whole chunk (the users
 * travel as one jsonb array), dates as text and instants as epoch milliseconds so that no driver type is guessed.
 */
@ApplicationScoped
public class InputRepository {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String USERS = "user_id = any(" + JsonParams.textArray("users") + ")";

    /** The rollups of a chunk of users, by userId. */
    public record Chunk(
            Map<String, List<DayActivity>> days,
            Map<String, List<PerfumeDay>> perfumeDays,
            Map<String, List<PerfumeState>> perfumes,
            Map<String, ProfileInputs.Sessions> sessions) {

        /** Every perfume the chunk's preferences may need from the catalog. */
        public List<String> perfumeIds() {
            java.util.Set<String> ids = new java.util.TreeSet<>();
            perfumeDays.values().forEach(list -> list.forEach(p -> ids.add(p.perfumeId())));
            perfumes.values().forEach(list -> list.forEach(p -> ids.add(p.perfumeId())));
            return List.copyOf(ids);
        }
    }

    public Uni<Chunk> read(List<String> userIds, ProfileWindow w) {
        String users = JsonParams.array(userIds);
        Instant dayEnd = w.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return days(users, w)
                .chain(days -> perfumeDays(users, w)
                        .chain(perfumeDays -> perfumes(users)
                                .chain(perfumes -> sessions(users, w.windowStartInstant(), dayEnd)
                                        .map(sessions -> new Chunk(days, perfumeDays, perfumes, sessions)))));
    }

    private Uni<Map<String, List<DayActivity>>> days(String users, ProfileWindow w) {
        String sql = "select user_id, cast(day as text), cast(event_counts as text), cast(hour_counts as text),"
                + " cast(search_terms as text), rating_count, cast(rating_sum as text), review_length_count,"
                + " review_length_sum from user_day_activity where " + USERS
                + " and day >= :from and day <= :to";
        // Days after the run's too: the run does not count them, but they keep the user marked (RecomputeService).
        return rows(sql, users, w.historyStart(), LocalDate.of(9999, 12, 31))
                .map(rows -> group(
                        rows,
                        r -> new DayActivity(
                                (String) r[0],
                                LocalDate.parse((String) r[1]),
                                counts((String) r[2]),
                                counts((String) r[3]),
                                counts((String) r[4]),
                                ((Number) r[5]).longValue(),
                                new BigDecimal((String) r[6]),
                                ((Number) r[7]).longValue(),
                                ((Number) r[8]).longValue())));
    }

    private Uni<Map<String, List<PerfumeDay>>> perfumeDays(String users, ProfileWindow w) {
        String sql = "select user_id, perfume_id, cast(day as text), views, notes_expanded, reviews, wishlist_adds,"
                + " collection_adds from user_perfume_day where " + USERS + " and day >= :from and day <= :to";
        return rows(sql, users, w.windowStart(), w.day())
                .map(rows -> group(
                        rows,
                        r -> new PerfumeDay(
                                (String) r[0],
                                (String) r[1],
                                LocalDate.parse((String) r[2]),
                                ((Number) r[3]).longValue(),
                                ((Number) r[4]).longValue(),
                                ((Number) r[5]).longValue(),
                                ((Number) r[6]).longValue(),
                                ((Number) r[7]).longValue())));
    }

    /** Every perfume relation that holds a membership or a rating (the only parts a profile reads). */
    private Uni<Map<String, List<PerfumeState>>> perfumes(String users) {
        String sql = "select user_id, perfume_id, wishlist_in, collection_in, cast(rating_value as text),"
                + " cast(extract(epoch from rating_at) * 1000 as bigint), rating_event from user_perfume where "
                + USERS + " and (wishlist_in or collection_in or rating_at is not null)";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("users", users)
                        .getResultList())
                .map(rows -> group(
                        rows,
                        r -> new PerfumeState(
                                (String) r[0],
                                (String) r[1],
                                0,
                                0,
                                Map.of(),
                                Map.of(),
                                null,
                                null,
                                membership(r[2]),
                                membership(r[3]),
                                r[4] == null
                                        ? null
                                        : new Latest<>(
                                                new BigDecimal((String) r[4]),
                                                Instant.ofEpochMilli(((Number) r[5]).longValue()),
                                                (String) r[6]),
                                false)));
    }

    private Uni<Map<String, ProfileInputs.Sessions>> sessions(String users, Instant from, Instant to) {
        String sql = "select user_id, count(*), coalesce(sum(duration_seconds), 0) from session_summary where " + USERS
                + " and start_time >= :from and start_time < :to and not is_bot group by user_id";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("users", users)
                        .setParameter("from", from.atOffset(ZoneOffset.UTC))
                        .setParameter("to", to.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<String, ProfileInputs.Sessions> sessions = new HashMap<>();
                    rows.forEach(r -> sessions.put(
                            (String) r[0],
                            new ProfileInputs.Sessions(((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
                    return sessions;
                });
    }

    /** What the catalog copy knows of these perfumes, by perfumeId. */
    public Uni<Map<String, ProfileInputs.CatalogFacts>> catalog(List<String> perfumeIds) {
        if (perfumeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String sql = "select perfume_id, house_id, perfume_type, cast(price_amount as text), cast(notes as text)"
                + " from perfume_catalog where perfume_id = any(" + JsonParams.textArray("ids") + ")";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("ids", JsonParams.array(perfumeIds))
                        .getResultList())
                .map(rows -> {
                    Map<String, ProfileInputs.CatalogFacts> facts = new HashMap<>();
                    for (Object[] r : rows) {
                        List<String> notes = new ArrayList<>();
                        parse((String) r[4])
                                .forEach(note -> notes.add(note.get("noteId").asText()));
                        facts.put(
                                (String) r[0],
                                new ProfileInputs.CatalogFacts(
                                        (String) r[0],
                                        (String) r[1],
                                        notes,
                                        (String) r[2],
                                        r[3] == null ? null : new BigDecimal((String) r[3])));
                    }
                    return facts;
                });
    }

    private static Uni<List<Object[]>> rows(String sql, String users, LocalDate from, LocalDate to) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("users", users)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultList());
    }

    private static <T> Map<String, List<T>> group(List<Object[]> rows, java.util.function.Function<Object[], T> of) {
        Map<String, List<T>> byUser = new HashMap<>();
        for (Object[] r : rows) {
            byUser.computeIfAbsent((String) r[0], u -> new ArrayList<>()).add(of.apply(r));
        }
        return byUser;
    }

    private static Latest<Boolean> membership(Object in) {
        return in == null ? null : new Latest<>((Boolean) in, Instant.EPOCH, "");
    }

    private static Map<String, Long> counts(String json) {
        Map<String, Long> counts = new TreeMap<>();
        parse(json)
                .fields()
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
