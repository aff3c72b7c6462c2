-- Issue #11: the rollups profile-service keeps in real time, the queue of users whose profile needs recomputing, and
-- every field of the seed's UserBehaviorProfile, computed by the daily job (README "Rollups", "Profile fields").

-- Adds two jsonb objects of numbers key by key ({"a":1} + {"a":2,"b":1} = {"a":3,"b":1}): the rollups' maps are
-- additive counters, written in one insert … on conflict do update statement per batch (ADR 0012 rule 4).
create or replace function jsonb_sum(a jsonb, b jsonb) returns jsonb
    language sql immutable parallel safe as
$$
select coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
from (select key, sum(value::numeric) as total
      from (select * from jsonb_each_text(coalesce(a, '{}'::jsonb))
            union all
            select * from jsonb_each_text(coalesce(b, '{}'::jsonb))) kv
      group by key) s
$$;

-- Per user per UTC day: events per event type and per UTC hour, search terms, RATING_COMPLETED overall values,
-- REVIEW_SUBMITTED / REVIEW_UPDATED review lengths. Kept for newsmell.profile.window.history-days (churnRisk's usual gap).
create table user_day_activity (
    user_id             text    not null,
    day                 date    not null,
    event_counts        jsonb   not null default '{}'::jsonb,
    hour_counts         jsonb   not null default '{}'::jsonb,
    search_terms        jsonb   not null default '{}'::jsonb,
    rating_count        bigint  not null default 0,
    rating_sum          numeric not null default 0,
    review_length_count bigint  not null default 0,
    review_length_sum   bigint  not null default 0,
    primary key (user_id, day)
);
-- The days that left the window (the job's "users whose window lost events") and the pruning of old days.
create index idx_user_day_activity_day on user_day_activity (day);

-- Per user, perfume and UTC day: the signals of a preference weight, so that the job can decay each by its age.
-- Kept for newsmell.profile.window.days.
create table user_perfume_day (
    user_id         text   not null,
    perfume_id      text   not null,
    day             date   not null,
    views           bigint not null default 0,
    notes_expanded  bigint not null default 0,
    reviews         bigint not null default 0,
    wishlist_adds   bigint not null default 0,
    collection_adds bigint not null default 0,
    primary key (user_id, perfume_id, day)
);
create index idx_user_perfume_day_day on user_perfume_day (day);

-- Per user and perfume, over their whole life: views, view duration, sources, device types, first and last
-- interaction, wishlist and collection membership and the current rating (latest event by (time, eventId) wins, so
-- duplicates and out-of-order delivery give the same state), reviewed.
create table user_perfume (
    user_id           text             not null,
    perfume_id        text             not null,
    views             bigint           not null default 0,
    view_duration_ms  double precision not null default 0,
    sources           jsonb            not null default '{}'::jsonb,
    device_types      jsonb            not null default '{}'::jsonb,
    first_interaction timestamptz,
    last_interaction  timestamptz,
    wishlist_in       boolean,
    wishlist_at       timestamptz,
    wishlist_event    text,
    collection_in     boolean,
    collection_at     timestamptz,
    collection_event  text,
    rating_value      numeric,
    rating_at         timestamptz,
    rating_event      text,
    reviewed          boolean          not null default false,
    primary key (user_id, perfume_id)
);
-- A catalog entry that arrives marks the users who interacted with the perfume for recomputation.
create index idx_user_perfume_perfume on user_perfume (perfume_id);

-- The users whose profile the next run recomputes: marked in the transaction that changes their inputs (events,
-- session summaries, a catalog entry of a perfume they interacted with) or by a run whose window lost their days.
-- A run removes a user's mark only if it still holds the seq it read, so a mark made during the run survives it.
create sequence profile_pending_seq;
create table profile_pending (
    user_id text   primary key,
    seq     bigint not null
);

-- The seed's fields, as of the run (as_of) that computed them; last_active_date stays real time. The counts are over
-- the window (the seed's last 30 days), no longer over the user's whole life.
alter table user_behavior_profile
    add column preferred_notes         jsonb            not null default '[]'::jsonb,
    add column preferred_houses        jsonb            not null default '[]'::jsonb,
    add column preferred_price_range   jsonb,
    add column preferred_perfume_types jsonb            not null default '[]'::jsonb,
    add column total_sessions          integer          not null default 0,
    add column total_perfumes_viewed   integer          not null default 0,
    add column avg_session_duration_ms double precision not null default 0,
    add column total_ratings           integer          not null default 0,
    add column avg_rating_value        double precision,
    add column total_reviews           integer          not null default 0,
    add column avg_review_length       double precision,
    add column collection_size         integer          not null default 0,
    add column wishlist_size           integer          not null default 0,
    add column trading_activity        integer          not null default 0,
    add column active_time_of_day      jsonb            not null default '[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]'::jsonb,
    add column active_days_of_week     jsonb            not null default '[0,0,0,0,0,0,0]'::jsonb,
    add column search_patterns         jsonb            not null default '[]'::jsonb,
    add column browsing_style          text,
    add column engagement_score        double precision not null default 0,
    add column usual_gap_days          double precision,
    add column window_start            date,
    add column history_start           date,
    add column as_of                   timestamptz,
    add column computed_by             text;

-- The seed's @@index([engagementScore]), in the list's order (engagementScore descending, then userId).
create index idx_user_behavior_profile_engagement_user on user_behavior_profile (engagement_score desc, user_id);

-- Counts folded before this migration were lifetime counts; the first run replaces them with the window's.
insert into profile_pending (user_id, seq)
select user_id, nextval('profile_pending_seq') from user_behavior_profile;
