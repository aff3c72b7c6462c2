-- The tables every service shares, written once (ADR 0011). A repeatable migration: Flyway applies it after the
-- service's own versioned migrations (db/migration) and again whenever it changes, so every statement here is
-- idempotent and it never collides with a service's version numbers.

-- Consumers' idempotency claims (ADR 0004).
create table if not exists processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

-- The job runner (ADR 0011): one row per run. A scheduled run is unique on (job, period) across replicas.
create table if not exists job_run (
    id             bigserial primary key,
    job            text        not null,
    period         timestamptz not null,
    trigger        text        not null,
    clock          timestamptz not null,
    as_of          timestamptz,
    status         text        not null,
    attempt        int         not null default 1,
    started_at     timestamptz not null,
    heartbeat_at   timestamptz not null,
    finished_at    timestamptz,
    rows_processed bigint,
    progress_done  bigint,
    progress_total bigint,
    shards         int         not null default 1,
    runner         text,
    error          text,
    detail         text
);
create unique index if not exists job_run_once_per_period on job_run (job, period) where trigger = 'schedule';
create index if not exists job_run_by_job on job_run (job, started_at desc);
create index if not exists job_run_open on job_run (status) where status = 'running';

-- The shards of a sharded run: any replica claims a pending one (for update skip locked).
create table if not exists job_run_shard (
    run_id         bigint      not null references job_run (id) on delete cascade,
    shard          int         not null,
    status         text        not null,
    attempt        int         not null default 0,
    runner         text,
    started_at     timestamptz,
    heartbeat_at   timestamptz,
    finished_at    timestamptz,
    rows_processed bigint,
    error          text,
    primary key (run_id, shard)
);

-- Erased users (ADR 0032), remembered only by their keyed hash (HMAC-SHA256 under newsmell.privacy.hash-key): every
-- consumer drops their events on (re-)read.
create table if not exists erased_user (
    user_hash text        primary key,
    erased_at timestamptz not null default now()
);

-- The identity links a consuming service applied (ADR 0064, toolkit identity.IdentityLinkStore): the latest linkedAt of
-- each anonymousId wins; a user's erasure deletes the user's rows. Empty in a service that does not read identity-links.
create table if not exists identity_link (
    anonymous_id text        primary key,
    user_id      text        not null,
    linked_at    timestamptz not null,
    via          text        not null
);
create index if not exists idx_identity_link_user on identity_link (user_id);
