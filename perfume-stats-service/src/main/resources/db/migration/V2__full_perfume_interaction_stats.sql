-- The whole PerfumeInteractionStats (issue #5): every field of the specification, the (user, perfume) tables
-- that give the set-semantics fields their values, and the hourly and daily buckets that the windows, the
-- trending score, the time series and the daily reconciliation are computed from.

alter table perfume_interaction_stats
    add column house_id               text,
    add column house_seen_at          timestamptz,
    add column unique_viewers         integer not null default 0,
    add column viewers_sketch         bytea,
    add column view_duration_sum      bigint not null default 0,
    add column view_duration_count    integer not null default 0,
    add column avg_view_duration      double precision not null default 0,
    add column total_ratings          integer not null default 0,
    add column overall_sum            bigint not null default 0,
    add column avg_rating             double precision,
    add column longevity_sum          bigint not null default 0,
    add column longevity_count        integer not null default 0,
    add column avg_longevity          double precision,
    add column sillage_sum            bigint not null default 0,
    add column sillage_count          integer not null default 0,
    add column avg_sillage            double precision,
    add column price_value_sum        bigint not null default 0,
    add column price_value_count      integer not null default 0,
    add column avg_price_value        double precision,
    add column gender_sum             bigint not null default 0,
    add column gender_count           integer not null default 0,
    add column avg_gender             double precision,
    add column total_reviews          integer not null default 0,
    add column total_comments         integer not null default 0,
    add column in_collection_count    integer not null default 0 check (in_collection_count >= 0),
    add column search_impressions     integer not null default 0,
    add column search_clicks          integer not null default 0,
    add column search_ctr             double precision,
    add column recommendation_imprs   integer not null default 0,
    add column recommendation_clicks  integer not null default 0,
    add column recommendation_ctr     double precision,
    add column trade_inquiries        integer not null default 0,
    add column trade_completed        integer not null default 0,
    add column views_last_7_days      integer not null default 0,
    add column views_last_30_days     integer not null default 0,
    add column trending_score         double precision not null default 0;

-- the specification's indexes (totalViews and inWishlistCount exist since V1), and those of the other reads
create index idx_perfume_interaction_stats_trending_score on perfume_interaction_stats (trending_score);
create index idx_perfume_interaction_stats_house_trending on perfume_interaction_stats (house_id, trending_score);
create index idx_perfume_interaction_stats_unique_viewers on perfume_interaction_stats (unique_viewers);
create index idx_perfume_interaction_stats_in_collection_count on perfume_interaction_stats (in_collection_count);
create index idx_perfume_interaction_stats_avg_rating on perfume_interaction_stats (avg_rating);
create index idx_perfume_interaction_stats_search_ctr on perfume_interaction_stats (search_ctr);
create index idx_perfume_interaction_stats_recommendation_ctr on perfume_interaction_stats (recommendation_ctr);

-- Wishlist and collection memberships share one table; list_kind is 'wishlist' or 'collection'.
alter table wishlist_membership rename to membership;
alter table membership add column list_kind text not null default 'wishlist';
alter table membership alter column list_kind drop default;
alter table membership drop constraint wishlist_membership_pkey;
alter table membership add primary key (list_kind, user_key, perfume_id);
create index idx_membership_perfume on membership (perfume_id) where in_list;

-- Each user's latest rating of each perfume (RATING_COMPLETED / RATING_UPDATED), latest by event time.
create table perfume_rating (
    user_key    text not null,
    perfume_id  text not null,
    overall     smallint,
    longevity   smallint,
    sillage     smallint,
    price_value smallint,
    gender      smallint,
    as_of       timestamptz not null,
    primary key (user_key, perfume_id)
);
create index idx_perfume_rating_perfume on perfume_rating (perfume_id);

-- Event counts per perfume and UTC hour (kept newsmell.perfume-stats.jobs.hourly-retention-days) and per UTC
-- day (kept for good). Same columns in both.
create table perfume_hourly_bucket (
    perfume_id            text not null,
    bucket                timestamptz not null,
    views                 integer not null default 0,
    view_duration_sum     bigint not null default 0,
    view_duration_count   integer not null default 0,
    ratings               integer not null default 0,
    reviews               integer not null default 0,
    wishlist_adds         integer not null default 0,
    collection_adds       integer not null default 0,
    trade_inquiries       integer not null default 0,
    trade_completed       integer not null default 0,
    search_impressions    integer not null default 0,
    search_clicks         integer not null default 0,
    recommendation_imprs  integer not null default 0,
    recommendation_clicks integer not null default 0,
    primary key (perfume_id, bucket)
);
create index idx_perfume_hourly_bucket_bucket on perfume_hourly_bucket (bucket);

create table perfume_daily_bucket (like perfume_hourly_bucket including defaults);
alter table perfume_daily_bucket add primary key (perfume_id, bucket);
create index idx_perfume_daily_bucket_bucket on perfume_daily_bucket (bucket);

-- When each job last ran, and as of which time (the API's asOf).
create table job_run (
    job         text primary key,
    as_of       timestamptz not null,
    finished_at timestamptz not null,
    duration_ms bigint not null,
    rows_changed bigint not null
);
