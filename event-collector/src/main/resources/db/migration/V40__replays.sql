-- Replays (issue #15, ADR 0045): POST /v1/replays publishes the raw events of a time range to the chosen service's
-- replay topic, from PostgreSQL (the months still attached) and from the Parquet archive (the months dropped after
-- archiving, published by event-archiver's replay command); the service acknowledges what it applied on replay-acks.
create table replay (
    replay_id    uuid        primary key,
    service      text        not null,
    topic        text        not null,
    from_time    timestamptz not null,
    to_time      timestamptz not null,
    requested_at timestamptz not null default now()
);
create index replay_listing on replay (requested_at desc, replay_id desc);

-- One row per source of a replay: postgres (the collector publishes it, paged by (timestamp, event_id), resumable
-- from its cursor) and parquet (the archived months of the range, published by event-archiver).
create table replay_source (
    replay_id       uuid        not null references replay on delete cascade,
    source          text        not null check (source in ('postgres', 'parquet')),
    months          date[]      not null default '{}',
    status          text        not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
    published       bigint      not null default 0,
    cursor_time     timestamptz,
    cursor_event_id uuid,
    started_at      timestamptz,
    finished_at     timestamptz,
    error           text,
    primary key (replay_id, source)
);

-- The services' acknowledgements, one row per consumed batch (its partitions' first offsets), so a redelivered
-- acknowledgement is counted once.
create table replay_ack (
    replay_id     uuid        not null references replay on delete cascade,
    batch         text        not null,
    received      bigint      not null,
    applied       bigint      not null,
    dropped       bigint      not null,
    dead_lettered bigint      not null,
    acked_at      timestamptz not null default now(),
    primary key (replay_id, batch)
);
