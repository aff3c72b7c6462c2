-- Replay acknowledgements counted once per offset (ADR 0059): a service acknowledges each record of a replay by its
-- partition and offset; a redelivery (which starts again at the consumer group's committed offset, and may split the
-- records into other batches) acknowledges offsets already counted, and only the offsets at or after a partition's
-- next_offset count. replay_ack keeps the acknowledgements without outcomes per offset (counted once per batch).
create table replay_ack_partition (
    replay_id     uuid    not null references replay on delete cascade,
    partition     integer not null,
    next_offset   bigint  not null,
    received      bigint  not null default 0,
    applied       bigint  not null default 0,
    dropped       bigint  not null default 0,
    dead_lettered bigint  not null default 0,
    primary key (replay_id, partition)
);

-- Counts the outcomes of [first, first + length(outcomes)) not counted yet: 'a' applied, 'd' dropped (an erased
-- user's), 'l' dead-lettered, '-' no record of this replay.
create function replay_ack_offsets(p_replay uuid, p_partition integer, p_first bigint, p_outcomes text)
returns void language plpgsql as $$
declare
    counted bigint;
    fresh   text;
begin
    if not exists (select 1 from replay where replay_id = p_replay) then
        return;
    end if;
    insert into replay_ack_partition (replay_id, partition, next_offset)
    values (p_replay, p_partition, p_first) on conflict do nothing;
    select next_offset into counted from replay_ack_partition
     where replay_id = p_replay and partition = p_partition for update;
    if p_first + length(p_outcomes) <= counted then
        return;
    end if;
    fresh := substr(p_outcomes, (greatest(counted - p_first, 0) + 1)::integer);
    update replay_ack_partition
       set next_offset   = p_first + length(p_outcomes),
           received      = received + length(replace(fresh, '-', '')),
           applied       = applied + length(fresh) - length(replace(fresh, 'a', '')),
           dropped       = dropped + length(fresh) - length(replace(fresh, 'd', '')),
           dead_lettered = dead_lettered + length(fresh) - length(replace(fresh, 'l', ''))
     where replay_id = p_replay and partition = p_partition;
end $$;
