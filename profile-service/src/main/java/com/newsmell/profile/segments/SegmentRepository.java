package com.newsmell.profile.segments;

import com.newsmell.profile.rollup.JsonParams;
import com.newsmell.profile.similarity.FeatureVectorRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The weekly segments ({@code user_segment}), the users' assignments ({@code user_segment_assignment}) and the
 * profiles' copy of their latest segment (V11). Callers hold the session.
 */
@ApplicationScoped
public class SegmentRepository {

    /** A stored segment: centroid and distinctive features as their JSON text. */
    public record StoredSegment(
            String segmentId,
            LocalDate week,
            int number,
            int schemaVersion,
            int size,
            String centroid,
            String distinctiveFeatures,
            Instant computedAt) {}

    private static final String SEGMENT_COLUMNS = "select segment_id, week, number, schema_version, size, centroid,"
            + " distinctive_features, computed_at from user_segment";

    /** Removes a week's segments and (cascade) assignments. */
    public Uni<Integer> deleteWeek(LocalDate week) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from user_segment where week = :week")
                        .setParameter("week", week)
                        .executeUpdate());
    }

    /** Removes the weeks before {@code firstKept}. */
    public Uni<Integer> deleteBefore(LocalDate firstKept) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from user_segment where week < :week")
                        .setParameter("week", firstKept)
                        .executeUpdate());
    }

    /**
     * Inserts segments: a JSON array of {@code {id, week, number, version, size, centroid, features}} (centroid and
     * features as JSON text).
     */
    public Uni<Integer> insertSegments(String rows, Instant computedAt) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into user_segment (segment_id, week, number, schema_version,"
                                + " size, centroid, distinctive_features, computed_at) select r.id, r.week, r.number,"
                                + " r.version, r.size, r.centroid, r.features, :at"
                                + " from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(id text,"
                                + " week date, number integer, version integer, size integer, centroid text,"
                                + " features text)")
                        .setParameter("rows", rows)
                        .setParameter("at", computedAt.atOffset(java.time.ZoneOffset.UTC))
                        .executeUpdate());
    }

    /** Inserts a week's assignments: a JSON array of {@code {s: segmentId, u: [userIds]}}. */
    public Uni<Integer> insertAssignments(LocalDate week, String rows) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into user_segment_assignment (week, user_id, segment_id)"
                                + " select :week, u.user_id, r.s from jsonb_to_recordset(cast(cast(:rows as text) as"
                                + " jsonb)) as r(s text, u jsonb) cross join lateral jsonb_array_elements_text(r.u)"
                                + " as u(user_id)")
                        .setParameter("week", week)
                        .setParameter("rows", rows)
                        .executeUpdate());
    }

    /**
     * Copies a week's segment into the profiles of these users (a JSON array of {@code {u, s}}): their rows are locked
     * first in the profile job's order (userId, collation "C"), so neither waits for the other in a cycle.
     */
    public Uni<Integer> updateProfiles(LocalDate week, List<String> userIds, String rows) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id from user_behavior_profile where user_id = any("
                                        + JsonParams.textArray("users") + ") order by user_id collate \"C\" for update",
                                String.class)
                        .setParameter("users", JsonParams.array(userIds))
                        .getResultList()
                        .chain(locked -> s.createNativeQuery("update user_behavior_profile p set segment_id = r.s,"
                                        + " segment_week = :week from jsonb_to_recordset(cast(cast(:rows as text) as"
                                        + " jsonb)) as r(u text, s text) where p.user_id = r.u")
                                .setParameter("week", week)
                                .setParameter("rows", rows)
                                .executeUpdate()));
    }

    /** Clears the segment of profiles that the latest segmentation ({@code week}) did not include. */
    public Uni<Integer> clearProfilesBefore(LocalDate week) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("update user_behavior_profile set segment_id = null, segment_week ="
                                + " null where segment_week < :week")
                        .setParameter("week", week)
                        .executeUpdate());
    }

    /** The latest week with segments, null without any. */
    public Uni<LocalDate> latestWeek() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("select max(week) from user_segment", Object.class)
                        .getSingleResultOrNull())
                .map(FeatureVectorRepository::localDate);
    }

    /** A week's segments by number. */
    public Uni<List<StoredSegment>> week(LocalDate week) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(SEGMENT_COLUMNS + " where week = :week order by number", Object[].class)
                        .setParameter("week", week)
                        .getResultList())
                .map(rows -> rows.stream().map(SegmentRepository::segment).toList());
    }

    /** One segment, null when there is none. */
    public Uni<StoredSegment> segment(String segmentId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(SEGMENT_COLUMNS + " where segment_id = :id", Object[].class)
                        .setParameter("id", segmentId)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : segment(rows.get(0)));
    }

    /** A stored segment with the number of users its week's segmentation put in any segment. */
    public record WithWeekTotal(StoredSegment segment, long weekTotal) {}

    /** These segments (those that still exist), each with its week's total: one statement. */
    public Uni<List<WithWeekTotal>> segments(List<String> segmentIds) {
        if (segmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select g.segment_id, g.week, g.number, g.schema_version, g.size, g.centroid,"
                                        + " g.distinctive_features, g.computed_at, (select sum(w.size) from user_segment"
                                        + " w where w.week = g.week) from user_segment g where g.segment_id in (:ids)",
                                Object[].class)
                        .setParameter("ids", segmentIds)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new WithWeekTotal(segment(r), ((Number) r[8]).longValue()))
                        .toList());
    }

    /** A segment's users after {@code afterUserId} (null: from the first) in userId order (the index's). */
    public Uni<List<String>> users(String segmentId, String afterUserId, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select user_id from user_segment_assignment where segment_id = :id and user_id >"
                                        + " :after order by user_id limit :limit",
                                String.class)
                        .setParameter("id", segmentId)
                        .setParameter("after", afterUserId == null ? "" : afterUserId)
                        .setParameter("limit", limit)
                        .getResultList());
    }

    private static StoredSegment segment(Object[] r) {
        return new StoredSegment(
                (String) r[0],
                FeatureVectorRepository.localDate(r[1]),
                ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(),
                ((Number) r[4]).intValue(),
                (String) r[5],
                (String) r[6],
                instant(r[7]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : OffsetDateTime.parse(value.toString()).toInstant();
    }
}
