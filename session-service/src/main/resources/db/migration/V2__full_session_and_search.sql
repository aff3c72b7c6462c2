-- The whole UserSession and SearchQuery of the specification, the session events they are folded from,
-- and the rollups the metrics endpoints read.

alter table user_session
    add column duration         integer,
    add column last_event_time  timestamptz,
    add column closed           boolean not null default false,
    add column device_type      text,
    add column browser          text,
    add column os               text,
    add column location         text,
    add column referrer         text,
    add column perfumes_viewed  integer not null default 0,
    add column added_to_wishlist   boolean not null default false,
    add column added_to_collection boolean not null default false,
    add column completed_rating    boolean not null default false,
    add column completed_review    boolean not null default false,
    add column entry_page       text,
    add column exit_page        text,
    add column bounced          boolean not null default false,
    add column is_bot           boolean not null default false;
update user_session set last_event_time = coalesce(end_time, start_time) where last_event_time is null;
alter table user_session alter column last_event_time set not null;
create index idx_user_session_open_idle on user_session (last_event_time) where not closed;

-- Every claimed event of a session: the session and its searches are re-folded from these.
create table session_event (
    event_id       uuid primary key,
    session_id     text not null,
    user_id        text,
    timestamp      timestamptz not null,
    event_type     text not null,
    event_category text not null,
    path           text not null,
    perfume_id     text,
    referrer       text,
    device_type    text,
    browser        text,
    os             text,
    location       text,
    is_bot         boolean not null default false,
    duration       integer,
    event_data     jsonb not null default '{}'::jsonb,
    dead_lettered  boolean not null default false
);
create index idx_session_event_session on session_event (session_id, timestamp, event_id);

create table search_query (
    session_id          text not null,
    search_id           text not null,
    user_id             text,
    timestamp           timestamptz not null,
    query_text          text not null,
    query_type          text not null,
    filters             jsonb not null default '{}'::jsonb,
    results_count       integer not null,
    results_shown       integer not null,
    clicked_positions   text not null default '[]', -- a JSON array (the reactive driver binds jsonb as objects only)
    clicked_perfumes    text not null default '[]', -- a JSON array
    time_to_first_click integer,
    time_on_results     integer,
    found_desired       boolean not null default false,
    refined_query       boolean not null default false,
    abandoned           boolean not null default false,
    is_bot              boolean not null default false,
    primary key (session_id, search_id)
);
create index idx_search_query_user_time on search_query (user_id, timestamp);
create index idx_search_query_time on search_query (timestamp);
create index idx_search_query_text on search_query (query_text);

-- Real-time session metrics: maintained in the re-fold's transaction (old contribution out, new one in),
-- bucketed by the hour of the session's start.
create table session_metrics_hourly (
    bucket              timestamptz not null,
    device_type         text not null,
    is_bot              boolean not null,
    sessions            bigint not null default 0,
    closed_sessions     bigint not null default 0,
    duration_seconds    bigint not null default 0,
    bounces             bigint not null default 0,
    page_views          bigint not null default 0,
    wishlist_sessions   bigint not null default 0,
    collection_sessions bigint not null default 0,
    rating_sessions     bigint not null default 0,
    review_sessions     bigint not null default 0,
    primary key (bucket, device_type, is_bot)
);

-- Hours whose hourly rollups must be recomputed; version guards against a change during the job.
create table rollup_dirty_hour (
    bucket  timestamptz primary key,
    version bigint not null default 1
);

-- Hourly job: unique users ('*' = every device type; include_bots = bots counted too).
create table active_users_hourly (
    bucket       timestamptz not null,
    device_type  text not null,
    include_bots boolean not null,
    users        bigint not null,
    primary key (bucket, device_type, include_bots)
);
create table active_users_daily (
    bucket       timestamptz not null,
    device_type  text not null,
    include_bots boolean not null,
    users        bigint not null,
    primary key (bucket, device_type, include_bots)
);

-- Hourly job: search popularity and outcomes per normalised query.
create table search_query_hourly (
    bucket        timestamptz not null,
    is_bot        boolean not null,
    query_norm    text not null,
    searches      bigint not null,
    no_results    bigint not null,
    with_clicks   bigint not null,
    refined       bigint not null,
    abandoned     bigint not null,
    found_desired bigint not null,
    primary key (bucket, is_bot, query_norm)
);
create table search_click_time_hourly (
    bucket   timestamptz not null,
    is_bot   boolean not null,
    ttfc_ms  integer not null,
    searches bigint not null,
    primary key (bucket, is_bot, ttfc_ms)
);
create table search_click_position_hourly (
    bucket   timestamptz not null,
    is_bot   boolean not null,
    position integer not null,
    clicks   bigint not null,
    primary key (bucket, is_bot, position)
);
