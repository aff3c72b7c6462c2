-- Issue #15, ADR 0030: the raw store's tiers. PostgreSQL has no partial index on now(), so the tier is per monthly
-- partition: a HOT partition (one that holds any of the last 7 days, or is in the future) has every index; a WARM one
-- keeps the indexes GET /v1/events, the audit and erasure need; a COLD one (its last day is 90 days old) is archived
-- to Parquet by event-archiver and dropped by the partitions job once the archive manifest has verified its rows.
--
-- Kept on every partition (partitioned indexes on the parent, V1/V3): the primary key (event_id, timestamp),
-- idx_uie_user_time, idx_uie_session_time, idx_uie_perfume_time, idx_uie_type_time and idx_uie_time_event.
-- Hot only (created and dropped per partition by set_interaction_partition_tier): the rest, below.
drop index idx_uie_user_type_time;
drop index idx_uie_perfume_type_time;
drop index idx_uie_category_time;
drop index idx_uie_location_time;
drop index idx_uie_device_type_time;
drop index idx_uie_browser_time;
drop index idx_uie_os_time;
drop index idx_uie_source_time;
drop index idx_uie_referrer_time;
drop index idx_uie_path_time;

-- Each partition's tier, as the partitions job last set it.
create table interaction_partition_tier (
    partition_name text        primary key,
    month          date,
    tier           text        not null,
    changed_at     timestamptz not null default now()
);

-- The hot-only indexes of one partition: (suffix, columns).
create or replace function interaction_hot_indexes()
returns table (suffix text, columns text) language sql immutable as $$
    values ('user_type_time', 'user_id, event_type, timestamp'),
           ('perfume_type_time', 'perfume_id, event_type, timestamp'),
           ('category_time', 'event_category, timestamp'),
           ('location_time', 'location, timestamp'),
           ('device_type_time', 'device_type, timestamp'),
           ('browser_time', 'browser, timestamp'),
           ('os_time', 'os, timestamp'),
           ('source_time', 'source, timestamp'),
           ('referrer_time', 'referrer, timestamp'),
           ('path_time', 'path, timestamp')
$$;

-- Gives a partition the indexes of its tier ('hot': every one; 'warm' or 'cold': the partitioned ones only).
-- Returns how many indexes it created or dropped.
create or replace function set_interaction_partition_tier(part text, new_tier text)
returns integer language plpgsql as $$
declare
    spec record;
    idx text;
    changed integer := 0;
begin
    if new_tier not in ('hot', 'warm', 'cold') then
        raise exception 'unknown tier %', new_tier;
    end if;
    for spec in select * from interaction_hot_indexes() loop
        idx := part || '_' || spec.suffix;
        if new_tier = 'hot' and to_regclass(idx) is null then
            execute format('create index %I on %I (%s)', idx, part, spec.columns);
            changed := changed + 1;
        elsif new_tier <> 'hot' and to_regclass(idx) is not null then
            execute format('drop index %I', idx);
            changed := changed + 1;
        end if;
    end loop;
    insert into interaction_partition_tier (partition_name, month, tier)
    values (part, case when part ~ '_\d{4}_\d{2}$' then to_date(right(part, 7), 'YYYY_MM') end, new_tier)
    on conflict (partition_name) do update set tier = excluded.tier, changed_at = now()
    where interaction_partition_tier.tier <> excluded.tier;
    return changed;
end $$;

-- The archive (event-archiver, ADR 0031): one row per Parquet file, year=/month=/event_type=. rows and
-- row_checksum are computed from PostgreSQL before writing; verified_at is set only after the file was read back
-- and gave the same count and checksum. The partitions job drops a cold month only when its verified files hold
-- exactly the partition's rows.
create table archive_manifest (
    id             bigserial   primary key,
    partition_name text        not null,
    month          date        not null,
    event_type     text        not null,
    path           text        not null,
    rows           bigint      not null,
    bytes          bigint      not null,
    row_checksum   text        not null,
    file_sha256    text        not null,
    schema_version integer     not null,
    written_at     timestamptz not null default now(),
    verified_at    timestamptz,
    deleted_at     timestamptz,
    unique (month, event_type)
);

-- Drops a cold month once the archive holds it: every manifest file of the month verified and their rows adding up
-- to the partition's. An empty month needs no file. Answers 'dropped', 'unverified' (a file written but not read
-- back: an interrupted archive run, re-run it) or 'awaiting-archive' (the archive does not hold every row yet).
create or replace function drop_archived_interaction_partition(part text, m date)
returns text language plpgsql as $$
declare
    live bigint;
    archived bigint;
    unverified integer;
begin
    execute format('select count(*) from %I', part) into live;
    select coalesce(sum(rows), 0), count(*) filter (where verified_at is null)
    into archived, unverified
    from archive_manifest where month = m and deleted_at is null;
    if unverified > 0 then
        return 'unverified';
    end if;
    if live <> archived then
        return 'awaiting-archive';
    end if;
    execute format('alter table user_interaction_event detach partition %I', part);
    execute format('drop table %I', part);
    delete from raw_event_key where timestamp >= m and timestamp < (m + interval '1 month');
    update interaction_partition_tier set tier = 'archived', changed_at = now() where partition_name = part;
    return 'dropped';
end $$;
