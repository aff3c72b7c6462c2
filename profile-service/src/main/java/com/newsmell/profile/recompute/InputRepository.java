package com.newsmell.profile.recompute;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.calculation.ActivityTotals;
import com.newsmell.profile.calculation.ProfileInputs;
import com.newsmell.profile.calculation.ProfileWindow;
import com.newsmell.profile.calculation.StringKeyedMap;
import com.newsmell.profile.calculation.StringTable;
import com.newsmell.profile.rollup.JsonParams;
import com.newsmell.profile.rollup.Latest;
import com.newsmell.profile.rollup.PerfumeDay;
import com.newsmell.profile.rollup.PerfumeState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * summed duration of the non-bot sessions that started in the window. The numbers travel as integer and numeric
     * array literals, the strings and maps as JSON, each table's columns aggregated in one order: formatting a row as
     * JSON costs PostgreSQL more than the index scan that finds it.
     */
    private static final String READ = "select u.user_id, d.days, d.rating_sums, d.event_counts, d.hour_counts,"
            + " d.search_terms, p.perfume_ids, p.counts,"
            + " (select cast(json_agg(json_build_array(s.perfume_id, s.wishlist_in, s.collection_in,"
            + " cast(s.rating_value as text), cast(extract(epoch from s.rating_at) * 1000 as bigint), s.rating_event))"
            + " as text) from user_perfume s where s.user_id = u.user_id"
            + " and (s.wishlist_in or s.collection_in or s.rating_at is not null)),"
            + " (select cast(array[count(*), coalesce(sum(m.duration_seconds), 0)] as text)"
            + " from session_summary m where m.user_id = u.user_id and m.start_time >= :from"
            + " and m.start_time < :to and not m.is_bot)"
            + " from unnest(" + JsonParams.textArray("users") + ") as u(user_id)"
            + " left join lateral (select cast(array_agg(array[d.day - date '1970-01-01', d.rating_count,"
            + " d.review_length_count, d.review_length_sum] order by d.day) as text) as days,"
            + " cast(array_agg(d.rating_sum order by d.day) as text) as rating_sums,"
            + " cast(json_agg(d.event_counts order by d.day) as text) as event_counts,"
            + " cast(json_agg(d.hour_counts order by d.day) as text) as hour_counts,"
            + " cast(json_agg(d.search_terms order by d.day) as text) as search_terms"
            + " from user_day_activity d where d.user_id = u.user_id and d.day >= :historyStart) d on true"
            + " left join lateral (select cast(to_json(array_agg(p.perfume_id order by p.perfume_id, p.day)) as text)"
            + " as perfume_ids, cast(array_agg(array[p.day - date '1970-01-01', p.views, p.notes_expanded, p.reviews,"
            + " p.wishlist_adds, p.collection_adds] order by p.perfume_id, p.day) as text) as counts"
            + " from user_perfume_day p where p.user_id = u.user_id and p.day >= :windowStart and p.day <= :day) p"
            + " on true";

    /**
     * The rollups of a chunk of users as read: one row per user, parsed into a user's {@link ProfileInputs} only when
     * that user is computed, so that a chunk's parsed inputs never live together (they die young, in the young
     * generation).
     */
    public record Chunk(List<Object[]> rows) {

        /** Every perfume the chunk's preferences may need from the catalog. */
        public Collection<String> perfumeIds() {
            StringTable ids = new StringTable(rows.size() * 16);
            try {
                for (Object[] r : rows) {
                    if (r[6] != null) {
                        try (JsonParser p = array((String) r[6])) {
                            while (p.nextToken() == JsonToken.VALUE_STRING) {
                                ids.add(p.getText());
                            }
                        }
                    }
                    if (r[8] != null) {
                        parse((String) r[8])
                                .forEach(state -> ids.add(state.get(0).asText()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> distinct = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                distinct.add(ids.key(i));
            }
            return distinct;
        }
    }

    /**
     * Users per statement of a chunk's read. The driver gathers a result's messages in a composite buffer that it merges
     * into one array every 16 network reads, copying what it gathered so far, until a read ends on a message boundary:
     * a multi-megabyte result (500 users × ~6 KB) was copied ~10 times over. Results of ~100 users keep that copy to
     * about the result's size, for one more statement per 100 users.
     */
    static final int USERS_PER_STATEMENT = 100;

    /** The rollups of these users, read {@link #USERS_PER_STATEMENT} users at a time, in their order. */
    public Uni<Chunk> read(List<String> userIds, ProfileWindow w) {
        List<Object[]> rows = new ArrayList<>(userIds.size());
        Uni<Void> reads = Uni.createFrom().voidItem();
        for (int from = 0; from < userIds.size(); from += USERS_PER_STATEMENT) {
            List<String> part = userIds.subList(from, Math.min(userIds.size(), from + USERS_PER_STATEMENT));
            reads = reads.chain(() -> readPart(part, w).invoke(rows::addAll).replaceWithVoid());
        }
        return reads.map(ignored -> new Chunk(rows));
    }

    private Uni<List<Object[]>> readPart(List<String> userIds, ProfileWindow w) {
        Instant dayEnd = w.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(READ, Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .setParameter("historyStart", w.historyStart())
                        .setParameter("windowStart", w.windowStart())
                        .setParameter("day", w.day())
                        .setParameter("from", w.windowStartInstant().atOffset(ZoneOffset.UTC))
                        .setParameter("to", dayEnd.atOffset(ZoneOffset.UTC))
                        .getResultList());
    }

    /** One user's row of a {@link Chunk}, parsed. */
    public static ProfileInputs inputs(Object[] r, ProfileWindow w, Map<String, ProfileInputs.CatalogFacts> catalog) {
        String user = (String) r[0];
        long[] summaries = longs((String) r[9]);
        return new ProfileInputs(
                user,
                activity(r, w),
                perfumeDays(user, (String) r[6], (String) r[7]),
                list(
                        r[8],
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
                                                Instant.ofEpochMilli(p.get(4).asLong()),
                                                p.get(5).asText()),
                                false)),
                summaries[0] > 0 ? new ProfileInputs.Sessions(summaries[0], summaries[1]) : ProfileInputs.Sessions.NONE,
                catalog);
    }

    /**
     * The user's day rows, streamed into their totals (no per-day object): {@code [epochDay, ratingCount,
     * reviewLengthCount, reviewLengthSum]} per day, the days' rating sums, and three JSON arrays of the days' maps
     * (events per event type, per hour, per search term), all in the same day order.
     */
    private static ActivityTotals activity(Object[] r, ProfileWindow w) {
        ActivityTotals totals = new ActivityTotals(w);
        if (r[1] == null) {
            return totals;
        }
        long[] days = longs((String) r[1]);
        String[] ratingSums = elements((String) r[2]);
        try (JsonParser events = array((String) r[3]);
                JsonParser hours = array((String) r[4]);
                JsonParser terms = array((String) r[5])) {
            for (int i = 0; i < ratingSums.length; i++) {
                totals.startDay(LocalDate.ofEpochDay(days[4 * i]));
                forEachCount(events, totals::events);
                forEachCount(hours, (hour, n) -> totals.hour(Integer.parseInt(hour), n));
                forEachCount(terms, totals::searchTerm);
                long ratingCount = days[4 * i + 1];
                totals.ratings(ratingCount, ratingCount == 0 ? BigDecimal.ZERO : new BigDecimal(ratingSums[i]));
                totals.reviews(days[4 * i + 2], days[4 * i + 3]);
                totals.endDay();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return totals;
    }

    /** The user's perfume days: their perfumeIds (JSON) and {@code [epochDay, views, notesExpanded, reviews, wishlistAdds, collectionAdds]} each. */
    private static List<PerfumeDay> perfumeDays(String user, String perfumeIds, String counts) {
        if (perfumeIds == null) {
            return List.of();
        }
        long[] n = longs(counts);
        List<PerfumeDay> days = new ArrayList<>(n.length / 6);
        try (JsonParser ids = array(perfumeIds)) {
            for (int i = 0; ids.nextToken() == JsonToken.VALUE_STRING; i += 6) {
                days.add(new PerfumeDay(
                        user,
                        ids.getText(),
                        LocalDate.ofEpochDay(n[i]),
                        n[i + 1],
                        n[i + 2],
                        n[i + 3],
                        n[i + 4],
                        n[i + 5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }

    /** A parser on a JSON array, past its opening bracket. */
    private static JsonParser array(String json) throws IOException {
        JsonParser p = MAPPER.getFactory().createParser(json);
        p.nextToken();
        return p;
    }

    /** The next object of the array as name → count pairs. */
    private static void forEachCount(JsonParser p, java.util.function.ObjLongConsumer<String> count)
            throws IOException {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            count.accept(name, p.getLongValue());
        }
    }

    /** The integers of a PostgreSQL integer array literal of any dimension ({@code {{1,2},{3,4}}}), in order. */
    static long[] longs(String literal) {
        long[] values = new long[literal.length() / 2 + 1]; // every number takes a digit and a separator
        int n = 0;
        long value = 0;
        boolean inNumber = false;
        boolean negative = false;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                inNumber = true;
            } else if (c == '-') {
                negative = true;
            } else {
                if (inNumber) {
                    values[n++] = negative ? -value : value;
                }
                value = 0;
                inNumber = false;
                negative = false;
            }
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /** The elements of a one-dimensional PostgreSQL array literal of numbers ({@code {0,4.5}}). */
    static String[] elements(String literal) {
        return literal.substring(1, literal.length() - 1).split(",", -1);
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
                                .forEach(note -> notes.add(
                                        cache.canonical(note.get("noteId").asText())));
                        cache.put(new ProfileInputs.CatalogFacts(
                                (String) r[0],
                                r[1] == null ? null : cache.canonical((String) r[1]),
                                notes,
                                (String) r[2],
                                r[3] == null ? null : new BigDecimal((String) r[3])));
                    }
                    missing.forEach(cache::looked);
                    cache.grew();
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

        /**
         * One instance per note and house id over the run, so that the sums keyed by them ({@code KeySums}) find a
         * key by identity instead of comparing its characters.
         */
        private final Map<String, String> canonical = new ConcurrentHashMap<>();

        String canonical(String id) {
            String known = canonical.putIfAbsent(id, id);
            return known == null ? id : known;
        }

        boolean known(String perfumeId) {
            return looked.contains(perfumeId);
        }

        /** What the chunks compute with: a copy for lookups, made again only after the cache grew. */
        private Map<String, ProfileInputs.CatalogFacts> snapshot = Map.of();

        private boolean grown;

        void put(ProfileInputs.CatalogFacts f) {
            facts.put(f.perfumeId(), f);
        }

        void looked(String perfumeId) {
            looked.add(perfumeId);
        }

        /** Marks the snapshot stale (after a chunk's lookups were put). */
        synchronized void grew() {
            grown = true;
        }

        synchronized Map<String, ProfileInputs.CatalogFacts> facts() {
            if (grown) {
                snapshot = new StringKeyedMap<>(facts);
                grown = false;
            }
            return snapshot;
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

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
