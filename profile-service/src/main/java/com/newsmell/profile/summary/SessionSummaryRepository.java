package com.newsmell.profile.summary;

import com.newsmell.contract.SessionSummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * profile-service's copy of the closed sessions' summaries (ADR 0017). Like the catalog copy (ADR 0016), one
 * statement: a revision-guarded upsert, so that redelivery, reordering and replicas need no lock.
 */
@ApplicationScoped
public class SessionSummaryRepository {

    /** Stores the summary unless the row holds a higher revision (an equal revision is the same summary). */
    static final String UPSERT = "insert into session_summary (session_id, revision, user_id, start_time, end_time,"
            + " duration_seconds, page_views, perfumes_viewed, interactions, bounced, is_bot, device_type, updated_at)"
            + " values (:sessionId, :revision, :userId, :startTime, :endTime, :durationSeconds, :pageViews,"
            + " :perfumesViewed, :interactions, :bounced, :isBot, :deviceType, now())"
            + " on conflict (session_id) do update set revision = excluded.revision, user_id = excluded.user_id,"
            + " start_time = excluded.start_time, end_time = excluded.end_time,"
            + " duration_seconds = excluded.duration_seconds, page_views = excluded.page_views,"
            + " perfumes_viewed = excluded.perfumes_viewed, interactions = excluded.interactions,"
            + " bounced = excluded.bounced, is_bot = excluded.is_bot, device_type = excluded.device_type,"
            + " updated_at = excluded.updated_at"
            + " where session_summary.revision < excluded.revision";

    /** Deletes the session's summary (a tombstone on the topic, ADR 0032); whether there was one. */
    public Uni<Boolean> delete(String sessionId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from session_summary where session_id = :id")
                        .setParameter("id", sessionId)
                        .executeUpdate())
                .map(n -> n > 0);
    }

    /** Whether the summary was stored (false: the row holds this revision or a higher one). */
    public Uni<Boolean> upsert(SessionSummary s) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(UPSERT)
                        .setParameter("sessionId", s.sessionId())
                        .setParameter("revision", s.revision())
                        .setParameter("userId", s.userId())
                        .setParameter("startTime", OffsetDateTime.ofInstant(s.startTime(), ZoneOffset.UTC))
                        .setParameter("endTime", OffsetDateTime.ofInstant(s.endTime(), ZoneOffset.UTC))
                        .setParameter("durationSeconds", s.durationSeconds())
                        .setParameter("pageViews", s.pageViews())
                        .setParameter("perfumesViewed", s.perfumesViewed())
                        .setParameter("interactions", s.interactions())
                        .setParameter("bounced", s.bounced())
                        .setParameter("isBot", s.isBot())
                        .setParameter("deviceType", s.deviceType())
                        .executeUpdate())
                .map(rows -> rows > 0);
    }
}
