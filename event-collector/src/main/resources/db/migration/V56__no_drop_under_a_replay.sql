-- A month is not dropped while a replay publishes it from PostgreSQL (ADR 0059). A replay records which months of its
-- range are archived (the parquet source's) and which it publishes from PostgreSQL; dropping a month between the two
-- would lose that month's events from the replay. Both take the same transaction-scoped advisory lock: either the
-- replay is recorded first (its postgres source is pending or running, and the drop is deferred to a later archive
-- run: 'replaying'), or the drop commits first (and the replay reads the month from Parquet).
create or replace function drop_archived_interaction_partition(part text, m date)
returns text language plpgsql as $$
declare
    live bigint;
    archived bigint;
    unverified integer;
begin
    perform pg_advisory_xact_lock(hashtext('newsmell.replay-vs-archive'));
    if exists (select 1 from replay r join replay_source s on s.replay_id = r.replay_id
                where s.source = 'postgres' and s.status in ('pending', 'running')
                  and r.from_time < (m + interval '1 month') and r.to_time > m) then
        return 'replaying';
    end if;
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
