-- Issue #21.
--
-- 1. Windows agree with the raw store. The hourly job stamps each row with the hour its windows and trending score
--    are as of (windows_as_of); the consumer adds the views it applies later that fall in the row's windows, so
--    viewsLast7Days / viewsLast30Days stay the exact count of views in [asOf - N days, asOf). Rows computed before
--    this migration get their as-of at the next hourly run (null until then: the API says so). The seed's trending
--    list (orderBy viewsLast7Days desc) and its 30-day companion are served through their own indexes.
alter table perfume_interaction_stats add column windows_as_of timestamptz;
create index idx_perfume_interaction_stats_views_last_7_days on perfume_interaction_stats (views_last_7_days);
create index idx_perfume_interaction_stats_views_last_30_days on perfume_interaction_stats (views_last_30_days);

-- 2. The seed's number fields are decimals (a viewDuration of 1234.5 ms, a rating of 4.5): the durations, the
--    ratings and their sums are stored exactly (numeric), so a sum derived again from the buckets equals the running
--    one. The averages stay double precision (the seed's Float).
alter table perfume_interaction_stats
    alter column view_duration_sum type numeric,
    alter column overall_sum type numeric,
    alter column longevity_sum type numeric,
    alter column sillage_sum type numeric,
    alter column price_value_sum type numeric,
    alter column gender_sum type numeric;
alter table perfume_hourly_bucket alter column view_duration_sum type numeric;
alter table perfume_daily_bucket alter column view_duration_sum type numeric;
alter table perfume_rating
    alter column overall type numeric,
    alter column longevity type numeric,
    alter column sillage type numeric,
    alter column price_value type numeric,
    alter column gender type numeric;

-- 3. The daily window audit: each perfume-view-audit record of the collector (the raw store's exact counts over the
--    same windows) next to perfume-stats' own figures, once per (perfume, asOf).
create table perfume_window_audit (
    perfume_id       text not null,
    as_of            timestamptz not null,
    raw_views_7d     integer not null,
    raw_views_30d    integer not null,
    stats_views_7d   bigint not null,
    stats_views_30d  bigint not null,
    served_views_7d  integer,
    served_views_30d integer,
    difference_7d    bigint not null,
    difference_30d   bigint not null,
    matches          boolean not null,
    audited_at       timestamptz not null,
    checked_at       timestamptz not null,
    primary key (perfume_id, as_of)
);
create index idx_perfume_window_audit_as_of on perfume_window_audit (as_of, matches, perfume_id);
