package com.newsmell.profile.features.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsmell.profile.features.FeatureExtras;
import com.newsmell.profile.privacy.ProfileRetention;
import com.newsmell.profile.rollup.JsonParams;
import com.newsmell.toolkit.privacy.PrivacyConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users' vectors: the current one ({@code user_feature_vector}), the snapshots ({@code user_feature_snapshot}),
 * the retention horizon ({@code feature_store_state}), and what a run needs beyond the profile's inputs (V10).
 */
@ApplicationScoped
public class FeatureVectorRepository {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Schema versions whose snapshots are kept: the newest this many (ADR 0048). */
    public static final int KEPT_VERSIONS = 3;

    private final PrivacyConfig privacy;

    public FeatureVectorRepository(PrivacyConfig privacy) {
        this.privacy = privacy;
    }

    /**
     * The id a user's snapshots are stored under: always the keyed pseudonym, never the user id (snapshots are a
     * training dataset, ADR 0048). Reads map the user id to it; the caller's user id is what they answer with.
     */
    String subject(String userId) {
        return ProfileRetention.pseudonym(privacy.hashKey(), userId);
    }

    /** A stored vector (current or snapshot). */
    public record StoredVector(
            String userId,
            int schemaVersion,
            LocalDate asOf,
            Instant computedAt,
            String vector,
            long accountAgeDays,
            String accountAgeSource) {}

    /** What a run writes for one user. */
    public record VectorRow(
            String userId,
            String vector,
            long accountAgeDays,
            String accountAgeSource,
            Instant profileAsOf,
            String profileComputedBy,
            boolean snapshot) {}

    /** A user's extras and the profile run their vector goes with. */
    public record Extras(FeatureExtras extras, Instant profileAsOf, String profileComputedBy) {}

    /** One input row of the point-in-time join, with its position in the request. */
    public record JoinRow(int ordinal, String userId, Instant timestamp) {}

    /** The answer for one input row: whether the user is known, and the vector as known then (null: none). */
    public record Joined(int ordinal, boolean knownUser, StoredVector vector) {}

    /**
     * The next users after {@code afterUserId} (null: from the first) whose vector is stale: none yet, of another
     * schema version, or computed with another profile than the one stored (their profile was recomputed since, by a
     * run or the recompute endpoint). Users without a computed profile are left for the run that computes it.
     */
    public Uni<List<String>> staleAfter(String afterUserId, int limit, int version) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select p.user_id from user_behavior_profile p"
                                        + " left join user_feature_vector v on v.user_id = p.user_id"
                                        + " where p.user_id > :after and p.as_of is not null and (v.user_id is null"
                                        + " or v.schema_version <> :version"
                                        + " or v.profile_as_of is distinct from p.as_of"
                                        + " or v.profile_computed_by is distinct from p.computed_by)"
                                        + " order by p.user_id limit :limit",
                                String.class)
                        .setParameter("after", afterUserId == null ? "" : afterUserId)
                        .setParameter("version", version)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    /**
     * Per user of the chunk who has a profile: the signup ({@link SignupRead}), their perfume relations and the delays
     * from first interaction to the membership that holds a perfume, the window's non-bot session summaries (count,
     * page views, bounced, on mobile or tablet), and the profile's as-of and run.
     */
    public Uni<Map<String, Extras>> extras(List<String> userIds, Instant windowStart, Instant windowEnd) {
        String sql = "select u.user_id, " + SignupRead.COLUMNS + ","
                + " (select count(*) from user_perfume s where s.user_id = u.user_id),"
                + " (select cast(array_agg(greatest(0, cast(extract(epoch from least(case when s.wishlist_in then"
                + " s.wishlist_at end, case when s.collection_in then s.collection_at end) - s.first_interaction)"
                + " * 1000 as bigint))) as text) from user_perfume s where s.user_id = u.user_id"
                + " and (s.wishlist_in or s.collection_in) and s.first_interaction is not null),"
                + " (select cast(array[count(*), coalesce(sum(m.page_views), 0), count(*) filter (where m.bounced),"
                + " count(*) filter (where m.device_type in ('mobile', 'tablet'))] as text) from session_summary m"
                + " where m.user_id = u.user_id and m.start_time >= :from and m.start_time < :to and not m.is_bot),"
                + " cast(extract(epoch from p.as_of) * 1000000 as bigint), p.computed_by"
                + " from unnest(" + JsonParams.textArray("users") + ") as u(user_id)"
                + " join user_behavior_profile p on p.user_id = u.user_id";
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("users", JsonParams.array(userIds))
                        .setParameter("from", windowStart.atOffset(ZoneOffset.UTC))
                        .setParameter("to", windowEnd.atOffset(ZoneOffset.UTC))
                        .getResultList())
                .map(rows -> {
                    Map<String, Extras> extras = new HashMap<>();
                    for (Object[] r : rows) {
                        long[] sessions = longs((String) r[5]);
                        extras.put(
                                (String) r[0],
                                new Extras(
                                        new FeatureExtras(
                                                ((Number) r[3]).longValue(),
                                                r[4] == null ? new long[0] : longs((String) r[4]),
                                                new FeatureExtras.Sessions(
                                                        sessions[0], sessions[1], sessions[2], sessions[3]),
                                                millis(r[1]),
                                                millis(r[2])),
                                        micros(r[6]),
                                        (String) r[7]));
                    }
                    return extras;
                });
    }

    /**
     * Writes a chunk's vectors as current, and a snapshot of each one marked for it that differs (vector or accountAge
     * source) from the user's latest snapshot of the version at or before (asOf, computedAt), in one statement;
     * answers how many snapshots were written.
     */
    public Uni<Integer> save(List<VectorRow> rows, int version, LocalDate asOf, Instant computedAt) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String sql = "with r as (select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(user_id"
                + " text, subject text, vector text, account_age_days integer, account_age_source text, profile_as_of timestamptz,"
                + " profile_computed_by text, snapshot boolean)),"
                + " v as (insert into user_feature_vector as t (user_id, schema_version, as_of, vector, computed_at,"
                + " account_age_days, account_age_source, profile_as_of, profile_computed_by)"
                + " select user_id, :version, cast(:asOf as date), vector, cast(:computedAt as timestamptz),"
                + " account_age_days, account_age_source, profile_as_of, profile_computed_by from r"
                + " on conflict (user_id) do update set schema_version = excluded.schema_version,"
                + " as_of = excluded.as_of, vector = excluded.vector, computed_at = excluded.computed_at,"
                + " account_age_days = excluded.account_age_days, account_age_source = excluded.account_age_source,"
                + " profile_as_of = excluded.profile_as_of, profile_computed_by = excluded.profile_computed_by"
                + " returning 1),"
                + " s as (insert into user_feature_snapshot (user_id, schema_version, as_of, computed_at, vector,"
                + " account_age_days, account_age_source)"
                + " select r.subject, :version, cast(:asOf as date), cast(:computedAt as timestamptz), r.vector,"
                + " r.account_age_days, r.account_age_source from r where r.snapshot and not exists (select 1 from"
                + " (select l.vector, l.account_age_source from user_feature_snapshot l where l.user_id = r.subject"
                + " and l.schema_version = :version and (l.as_of, l.computed_at)"
                + " <= (cast(:asOf as date), cast(:computedAt as timestamptz))"
                + " order by l.as_of desc, l.computed_at desc limit 1) l"
                + " where l.vector = r.vector and l.account_age_source = r.account_age_source)"
                + " on conflict (user_id, schema_version, as_of, computed_at) do update set vector = excluded.vector,"
                + " account_age_days = excluded.account_age_days, account_age_source = excluded.account_age_source"
                + " returning 1)"
                + " select (select count(*) from v), (select count(*) from s)";
        String json = rows(rows, this::subject);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("rows", json)
                        .setParameter("version", version)
                        .setParameter("asOf", asOf)
                        .setParameter("computedAt", computedAt.atOffset(ZoneOffset.UTC))
                        .getSingleResult())
                .map(r -> ((Number) r[1]).intValue());
    }

    private static String rows(List<VectorRow> rows, java.util.function.UnaryOperator<String> subject) {
        StringWriter out = new StringWriter(rows.size() * 1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (VectorRow row : rows) {
                g.writeStartObject();
                g.writeStringField("user_id", row.userId());
                g.writeStringField("subject", subject.apply(row.userId()));
                g.writeStringField("vector", row.vector());
                g.writeNumberField("account_age_days", row.accountAgeDays());
                g.writeStringField("account_age_source", row.accountAgeSource());
                g.writeStringField(
                        "profile_as_of",
                        row.profileAsOf() == null ? null : row.profileAsOf().toString());
                g.writeStringField("profile_computed_by", row.profileComputedBy());
                g.writeBooleanField("snapshot", row.snapshot());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Moves the retention horizon to {@code horizon} (never back) and drops the snapshots no day from the horizon on
     * needs: per user and version, those older than the latest one at or before the horizon, and every snapshot of a
     * version that is no longer the newest and was last computed before the horizon. Answers the horizon and how many
     * snapshots were dropped.
     */
    public Uni<Pruned> prune(LocalDate horizon, int newestVersion) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "insert into feature_store_state (id, retention_horizon) values (true, :h)"
                                        + " on conflict (id) do update set retention_horizon ="
                                        + " greatest(feature_store_state.retention_horizon, excluded.retention_horizon)"
                                        + " returning cast(retention_horizon as text)",
                                String.class)
                        .setParameter("h", horizon)
                        .getSingleResult()
                        .map(LocalDate::parse)
                        .chain(h -> s.createNativeQuery("delete from user_feature_snapshot s where s.as_of < :h and ("
                                        + "s.schema_version in (select version from feature_schema_version"
                                        + " where version <> :newest and (computed_through is null"
                                        + " or computed_through < :h))"
                                        + " or exists (select 1 from user_feature_snapshot t where t.user_id = s.user_id"
                                        + " and t.schema_version = s.schema_version and t.as_of <= :h"
                                        + " and (t.as_of, t.computed_at) > (s.as_of, s.computed_at)))")
                                .setParameter("h", h)
                                .setParameter("newest", newestVersion)
                                .executeUpdate()
                                .chain(n -> s.createNativeQuery("delete from user_feature_snapshot where"
                                                + " schema_version not in (select version from"
                                                + " feature_schema_version order by version desc limit :kept)")
                                        .setParameter("kept", KEPT_VERSIONS)
                                        .executeUpdate()
                                        .map(m -> new Pruned(h, n + m)))));
    }

    public record Pruned(LocalDate horizon, int snapshotsDropped) {}

    /** The first day the snapshots answer for, or null before any run pruned. */
    public Uni<LocalDate> horizon() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select cast(retention_horizon as text) from feature_store_state", String.class)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : LocalDate.parse(rows.get(0)));
    }

    public Uni<Boolean> profileExists(String userId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from user_behavior_profile where user_id = :u", Long.class)
                        .setParameter("u", userId)
                        .getSingleResult())
                .map(n -> n > 0);
    }

    private static final String COLUMNS = "user_id, schema_version, cast(as_of as text),"
            + " cast(extract(epoch from computed_at) * 1000 as bigint), vector, account_age_days, account_age_source";

    /** The user's current vector, or null. */
    public Uni<StoredVector> current(String userId) {
        return current(List.of(userId)).map(found -> found.get(userId));
    }

    /** The current vectors of these users (those that have one), by userId: one statement. */
    public Uni<Map<String, StoredVector>> current(List<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select " + COLUMNS + " from user_feature_vector where user_id in (:u)", Object[].class)
                        .setParameter("u", userIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, StoredVector> byUser = new HashMap<>();
                    rows.forEach(r -> byUser.put((String) r[0], stored(r, 0)));
                    return byUser;
                });
    }

    /** The user's latest snapshot of this version with an as-of day at or before {@code day} (null: any), or null. */
    public Uni<StoredVector> latestSnapshot(String userId, int version, LocalDate day) {
        String sql = "select " + COLUMNS + " from user_feature_snapshot where user_id = :u and schema_version = :v"
                + (day == null ? "" : " and as_of <= :d") + " order by as_of desc, computed_at desc limit 1";
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql, Object[].class)
                    .setParameter("u", subject(userId))
                    .setParameter("v", version);
            if (day != null) {
                q.setParameter("d", day);
            }
            return q.getResultList().map(rows -> {
                if (rows.isEmpty()) {
                    return null;
                }
                Object[] row = rows.get(0);
                row[0] = userId;
                return stored(row, 0);
            });
        });
    }

    /**
     * The point-in-time join of a chunk of rows, in their order: per row, whether the user has a profile, and the
     * latest snapshot of the version with as_of at or before the row's UTC day and computed_at at or before its
     * timestamp (ADR 0021). One statement; the primary key finds each row's snapshot.
     */
    @WithSession
    public Uni<List<Joined>> join(List<JoinRow> rows, int version) {
        StringWriter out = new StringWriter(rows.size() * 80);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (JoinRow row : rows) {
                g.writeStartObject();
                g.writeNumberField("ord", row.ordinal());
                g.writeStringField("user_id", row.userId());
                g.writeStringField("subject", subject(row.userId()));
                g.writeStringField("ts", row.timestamp().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sql = "select i.ord, p.user_id is not null, case when s.user_id is null then null else i.user_id end,"
                + " s.schema_version, cast(s.as_of as text),"
                + " cast(extract(epoch from s.computed_at) * 1000 as bigint), s.vector, s.account_age_days,"
                + " s.account_age_source"
                + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as i(ord integer, user_id text,"
                + " subject text, ts timestamptz)"
                + " left join user_behavior_profile p on p.user_id = i.user_id"
                + " left join lateral (select * from user_feature_snapshot s where s.user_id = i.subject"
                + " and s.schema_version = :v and s.as_of <= cast(i.ts at time zone 'UTC' as date)"
                + " and s.computed_at <= i.ts order by s.as_of desc, s.computed_at desc limit 1) s on true"
                + " order by i.ord";
        String json = out.toString();
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Object[].class)
                        .setParameter("rows", json)
                        .setParameter("v", version)
                        .getResultList())
                .map(result -> result.stream()
                        .map(r -> new Joined(
                                ((Number) r[0]).intValue(), (Boolean) r[1], r[2] == null ? null : stored(r, 2)))
                        .toList());
    }

    private static StoredVector stored(Object[] r, int from) {
        return new StoredVector(
                (String) r[from],
                ((Number) r[from + 1]).intValue(),
                LocalDate.parse((String) r[from + 2]),
                Instant.ofEpochMilli(((Number) r[from + 3]).longValue()),
                (String) r[from + 4],
                ((Number) r[from + 5]).longValue(),
                (String) r[from + 6]);
    }

    /** The profile's as-of to the microsecond, as stored: the next run compares it with the profile's own. */
    private static Instant micros(Object epochMicros) {
        if (epochMicros == null) {
            return null;
        }
        long us = ((Number) epochMicros).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L);
    }

    private static Instant millis(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    /** The integers of a PostgreSQL one-dimensional array literal ({@code {1,2,3}}); empty for {@code {}}. */
    static long[] longs(String literal) {
        String body = literal.substring(1, literal.length() - 1).trim();
        if (body.isEmpty()) {
            return new long[0];
        }
        String[] parts = body.split(",");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i].trim());
        }
        return values;
    }
}
