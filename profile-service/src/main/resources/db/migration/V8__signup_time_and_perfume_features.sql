-- Issue #12 (ADR 0020): each user's signup time, for the seed's accountAge, and what the interaction features of
-- GET /v1/profiles/{userId}/perfumes/{perfumeId}/features need beyond V7's user_perfume.

-- The two inputs, each merged with least() by the consumer's TOUCH statement, so that any arrival order and any
-- redelivery give the same values: the earliest USER_REGISTERED of the user, and the earliest counted event of any
-- type (the registration included).
alter table user_behavior_profile
    add column registered_at  timestamptz,
    add column first_event_at timestamptz;

-- Profiles made before this migration: the earliest event the rollups still know of. user_perfume is lifetime and
-- exact; user_day_activity is kept 90 days and gives the start of the earliest UTC hour with an event (so up to 59
-- minutes early); last_active_date is exact. Replaying the topic into emptied tables gives the exact first event.
update user_behavior_profile p
set first_event_at = least(
        p.last_active_date,
        (select min(s.first_interaction) from user_perfume s where s.user_id = p.user_id),
        (select (d.day + make_interval(hours => (select min(h::int) from jsonb_object_keys(d.hour_counts) h)))
                    at time zone 'UTC'
         from user_day_activity d
         where d.user_id = p.user_id and d.hour_counts <> '{}'::jsonb
         order by d.day
         limit 1));

-- The signup as stored and served: the registration when there is one (the earliest wins), else the first event.
alter table user_behavior_profile
    add column signup_at     timestamptz generated always as (coalesce(registered_at, first_event_at)) stored,
    add column signup_source text generated always as (
        case
            when registered_at is not null then 'registered'
            when first_event_at is not null then 'first-event'
        end) stored;

-- Per user and perfume: every counted event with the perfume (interactions, for interactionFrequency) and the latest
-- PERFUME_VIEW (lastViewedAt, viewRecency). Rows written before this migration do not know them: interactions stays
-- null (unknown: null + n is null, so the count is never a wrong one) and last_viewed_at is null until their next
-- view; a replay of the topic into emptied tables fills both.
alter table user_perfume
    add column interactions   bigint,
    add column last_viewed_at timestamptz;
