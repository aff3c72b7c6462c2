-- Issue #22, ADR 0015: GET /v1/events/metrics breaks the raw store down and filters it by eventType, eventCategory,
-- country (location), deviceType, browser, os, source, referrer and path, and GET /v1/events lists it by time alone.

-- source: the referrer's host, lower-cased, without www., or (direct) without a usable referrer. The collector sets it
-- when it stores an event, with the toolkit's one rule (com.newsmell.toolkit.api.TrafficSource.of(referrer), the rule
-- session-service uses for its sessions). Added to the partitioned parent, so every partition has it; new partitions
-- are created "like" the parent (ensure_interaction_partitions), with it. Left nullable: a row written by a collector
-- of the previous release during a rolling update has none and is broken down as (unknown).
alter table user_interaction_event add column source text;

-- The backfill of the rows stored before: TrafficSource.of written in SQL, as closely as SQL allows. Like the Java
-- rule: a referrer that is absent or blank is (direct); otherwise the host is what follows the first "://" (or a
-- leading "//"), up to the first /, ? or #, after the last @ of the user info, up to the port's : (an IPv6 literal
-- keeps its brackets); lower-cased, one trailing dot and a leading www. dropped, cut to 253 characters; no host is
-- (direct). Known differences: java.lang.String.trim and isBlank also drop Unicode spaces, and java.net.URI may
-- accept a few scheme-less forms this does not; such referrers are rare and count as (direct) here.
-- PartitionRoutingTest.theBackfillRuleAgreesWithTrafficSource runs this function's text (between the BEGIN and END
-- lines) against TrafficSource on a corpus of referrers. The update rewrites every stored row once.
-- BEGIN traffic_source_backfill
create function traffic_source_backfill(referrer text) returns text language sql immutable as $fn$
    select case when host is null or host = '' then '(direct)' else left(host, 253) end
    from (
        select regexp_replace(regexp_replace(lower(raw_host), '\.$', ''), '^www\.', '') as host
        from (
            select case
                       when authority is null then null
                       when left(authority, 1) = '[' then substring(authority from '^\[[^]]*\]')
                       else split_part(authority, ':', 1)
                   end as raw_host
            from (
                select regexp_replace(substring(rest from '^[^/?#]*'), '^.*@', '') as authority
                from (
                    select case
                               when t is null or t = '' then null
                               when position('://' in t) > 1 then substring(t from position('://' in t) + 3)
                               when left(t, 2) = '//' then substring(t from 3)
                               else null
                           end as rest
                    from (select regexp_replace(referrer, '^[\x01-\x20]+|[\x01-\x20]+$', '', 'g') as t) trimmed
                ) scheme
            ) auth
        ) hosts
    ) cleaned
$fn$;
-- END traffic_source_backfill

update user_interaction_event set source = traffic_source_backfill(referrer) where source is null;

drop function traffic_source_backfill(text);

-- One (column, timestamp) index per dimension (ADR 0015 names them); idx_uie_type_time and idx_uie_category_time
-- are the seed's (V1). Created on the partitioned parent, they are partitioned indexes: PostgreSQL creates them on
-- every partition, and on every partition attached later (ensure_interaction_partitions attaches new months).
create index idx_uie_location_time on user_interaction_event (location, timestamp);
create index idx_uie_device_type_time on user_interaction_event (device_type, timestamp);
create index idx_uie_browser_time on user_interaction_event (browser, timestamp);
create index idx_uie_os_time on user_interaction_event (os, timestamp);
create index idx_uie_source_time on user_interaction_event (source, timestamp);
create index idx_uie_referrer_time on user_interaction_event (referrer, timestamp);
create index idx_uie_path_time on user_interaction_event (path, timestamp);

-- GET /v1/events bounded by time alone (no user, session or perfume, no event type) pages in (timestamp, eventId)
-- order: this index answers it without a sort.
create index idx_uie_time_event on user_interaction_event (timestamp, event_id);
