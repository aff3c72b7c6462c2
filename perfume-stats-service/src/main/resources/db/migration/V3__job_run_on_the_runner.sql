-- perfume-stats-service had a job_run table of its own: one row per job, the as_of of its latest run, which the
-- stats API serves. The toolkit's job runner (ADR 0011) keeps one row per run in a job_run table of the shape
-- below (db/toolkit/R__service_toolkit.sql, applied after this migration: its "create ... if not exists" then
-- finds this table). Each old row becomes one succeeded scheduled run, so the API's asOf survives.
alter table job_run drop constraint job_run_pkey;
alter table job_run rename column rows_changed to rows_processed;
alter table job_run
    add column id             bigserial primary key,
    add column period         timestamptz,
    add column trigger        text,
    add column clock          timestamptz,
    add column status         text,
    add column attempt        int not null default 1,
    add column started_at     timestamptz,
    add column heartbeat_at   timestamptz,
    add column progress_done  bigint,
    add column progress_total bigint,
    add column shards         int not null default 1,
    add column runner         text,
    add column error          text,
    add column detail         text;
update job_run
set period       = as_of,
    trigger      = 'schedule',
    clock        = as_of,
    status       = 'succeeded',
    started_at   = finished_at - duration_ms * interval '1 millisecond',
    heartbeat_at = finished_at,
    runner       = 'migrated from V2';
alter table job_run drop column duration_ms;
alter table job_run
    alter column as_of drop not null,
    alter column finished_at drop not null,
    alter column rows_processed drop not null,
    alter column period set not null,
    alter column trigger set not null,
    alter column clock set not null,
    alter column status set not null,
    alter column started_at set not null,
    alter column heartbeat_at set not null;
