-- session-service's table group: UserSession (the specification's model), and the claims that make the
-- consumer idempotent.
create table user_session (
    session_id   text primary key,
    user_id      text,
    start_time   timestamptz not null,
    end_time     timestamptz,
    page_views   integer not null default 0,
    interactions integer not null default 0,
    updated_at   timestamptz not null default now()
);
create index idx_user_session_user_start on user_session (user_id, start_time);
create index idx_user_session_start on user_session (start_time);

create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
