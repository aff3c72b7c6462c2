-- The raw event store: the specification's UserInteractionEvent, partitioned by month on timestamp.
-- event_id is the envelope's eventId (the specification's id). Both the clock-corrected timestamp and the
-- client's own clock (client_timestamp) are kept, with sent_at and received_at.
create table user_interaction_event (
    event_id         uuid        not null,
    schema_version   integer     not null default 1,
    user_id          text,
    session_id       text        not null,
    event_type       text        not null,
    event_category   text        not null,
    timestamp        timestamptz not null,
    client_timestamp timestamptz not null,
    sent_at          timestamptz,
    received_at      timestamptz not null,
    perfume_id       text,
    house_id         text,
    note_id          text,
    recommendation_id text,
    event_data       jsonb       not null default '{}'::jsonb,
    device_type      text,
    browser          text,
    os               text,
    is_bot           boolean     not null default false,
    bot_reason       text,
    user_agent       text,
    referrer         text,
    path             text        not null,
    ip_prefix        text,
    location         text,
    duration         integer,
    value            double precision,
    primary key (event_id, timestamp)
) partition by range (timestamp);

-- A partitioned table can only enforce uniqueness with the partition key, and a client retry gets a new
-- clock-corrected timestamp: this table makes eventId unique across all partitions.
create table raw_event_key (
    event_id  uuid        primary key,
    timestamp timestamptz not null
);

create table user_interaction_event_default partition of user_interaction_event default;

-- The specification's indexes (Prisma @@index and "Indexing Strategy").
create index idx_uie_user_time on user_interaction_event (user_id, timestamp);
create index idx_uie_session_time on user_interaction_event (session_id, timestamp);
create index idx_uie_type_time on user_interaction_event (event_type, timestamp);
create index idx_uie_perfume_time on user_interaction_event (perfume_id, timestamp);
create index idx_uie_user_type_time on user_interaction_event (user_id, event_type, timestamp);
create index idx_uie_perfume_type_time on user_interaction_event (perfume_id, event_type, timestamp);
create index idx_uie_category_time on user_interaction_event (event_category, timestamp);

-- Creates the monthly partitions from from_month up to months_ahead months after the current one.
-- Rows that had landed in the default partition for a new month are moved into it.
create or replace function ensure_interaction_partitions(from_month date, months_ahead integer)
returns integer language plpgsql as $$
declare
    m date := date_trunc('month', from_month)::date;
    last_month date := (date_trunc('month', now()) + make_interval(months => months_ahead))::date;
    next_m date;
    part text;
    created integer := 0;
begin
    while m <= last_month loop
        next_m := (m + interval '1 month')::date;
        part := 'user_interaction_event_' || to_char(m, 'YYYY_MM');
        if to_regclass(part) is null then
            lock table user_interaction_event_default in exclusive mode;
            execute format('create table %I (like user_interaction_event including defaults including constraints)', part);
            execute format(
                'with moved as (delete from user_interaction_event_default where timestamp >= %L and timestamp < %L returning *) '
                || 'insert into %I select * from moved', m, next_m, part);
            execute format('alter table user_interaction_event attach partition %I for values from (%L) to (%L)', part, m, next_m);
            created := created + 1;
        end if;
        m := next_m;
    end loop;
    return created;
end $$;

select ensure_interaction_partitions((now() - interval '1 month')::date, 3);
