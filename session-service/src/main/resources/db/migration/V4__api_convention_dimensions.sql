-- Issue #22 (ADR 0015): session metrics broken down and filtered by the session's dimensions, answered from
-- user_session with one (column, start_time) index per dimension; the source dimension; durations in milliseconds.

-- The SQL twin of com.newsmell.toolkit.api.TrafficSource.of (which the fold uses for every row it writes), used
-- below to fill the rows stored before this migration: the host of a "scheme://[user@]host[:port]..." or
-- "//host..." referrer, lower-cased, without a trailing dot and a leading "www.", at most 253 characters; '(direct)'
-- without a referrer or without a host. Where the two can differ (the Java rule trims control characters too, and
-- java.net.URI accepts a few exotic forms this pattern does not): the fold's value wins at the session's next
-- re-fold. MetricsTest checks both against the same referrers.
create function traffic_source(referrer text) returns text
    language sql immutable
as
$$
select coalesce(
               left(nullif(regexp_replace(regexp_replace(lower(substring(trim(referrer)
                                                                         from '^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//(?:[^/?#]*@)?(\[[^]/?#]*\]|[^:/?#]*)')),
                                                         '\.$', ''),
                                          '^www\.', ''),
                            ''),
                    253),
               '(direct)')
$$;

alter table user_session
    add column source      text,   -- TrafficSource.of(referrer): the referrer's host, or (direct)
    add column duration_ms bigint; -- endTime - startTime in milliseconds once closed (duration is whole seconds)

update user_session
set source      = traffic_source(referrer),
    duration_ms = case
                      when closed and end_time is not null
                          then cast(floor(extract(epoch from (end_time - start_time)) * 1000) as bigint) end;

-- The real-time rollup adds the closed sessions' milliseconds too (averageDurationMs); filled from the same rows.
alter table session_metrics_hourly
    add column duration_ms bigint not null default 0;

update session_metrics_hourly h
set duration_ms = s.duration_ms
from (select date_trunc('hour', start_time at time zone 'UTC') at time zone 'UTC' as bucket,
             coalesce(device_type, '')                                             as device_type,
             is_bot,
             sum(duration_ms)                                                      as duration_ms
      from user_session
      where closed
        and duration_ms is not null
      group by 1, 2, 3) s
where h.bucket = s.bucket
  and h.device_type = s.device_type
  and h.is_bot = s.is_bot;

-- One (dimension, start_time) index per breakdown and filter dimension (ADR 0015's table). referrer, entry_page and
-- exit_page hold up to 2,048 characters, more than a btree entry may hold (2,704 bytes): their indexes hold the first
-- 512 characters, and the filters compare that prefix first (then the whole value).
create index idx_user_session_location_start on user_session (location, start_time);
create index idx_user_session_device_type_start on user_session (device_type, start_time);
create index idx_user_session_browser_start on user_session (browser, start_time);
create index idx_user_session_os_start on user_session (os, start_time);
create index idx_user_session_source_start on user_session (source, start_time);
create index idx_user_session_referrer_start on user_session (left(referrer, 512), start_time);
create index idx_user_session_entry_page_start on user_session (left(entry_page, 512), start_time);
create index idx_user_session_exit_page_start on user_session (left(exit_page, 512), start_time);
