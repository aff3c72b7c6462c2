-- Issue #11, ADR 0017: the summaries of closed sessions (topic session-summaries, compacted, keyed by sessionId). One
-- row per session, replaced only by a record of the same or a higher revision, so a re-sent summary changes nothing
-- and totalSessions / avgSessionDuration (the daily job, later) stay exact.
create table session_summary (
    session_id        text primary key,
    revision          bigint      not null,
    user_id           text,
    start_time        timestamptz not null,
    end_time          timestamptz not null,
    duration_seconds  bigint      not null,
    page_views        integer     not null,
    perfumes_viewed   integer     not null,
    interactions      integer     not null,
    bounced           boolean     not null,
    is_bot            boolean     not null,
    device_type       text,
    updated_at        timestamptz not null default now()
);

create index idx_session_summary_user_start on session_summary (user_id, start_time);
