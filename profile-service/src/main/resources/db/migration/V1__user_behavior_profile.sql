-- profile-service's table group: UserBehaviorProfile (the specification's model, minimal version: the
-- engagement counters and last activity), and the claims that make the consumer idempotent.
create table user_behavior_profile (
    user_id          text primary key,
    total_page_views integer not null default 0,
    total_searches   integer not null default 0,
    last_active_date timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index idx_user_behavior_profile_last_active on user_behavior_profile (last_active_date);

create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
