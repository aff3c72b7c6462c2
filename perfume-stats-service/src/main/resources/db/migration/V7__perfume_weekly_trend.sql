-- Issue #12: the weekly trend analysis (seed: weeklyAggregations.trendAnalysis "Sunday at midnight"), the
-- viewGrowth and wishlistGrowth of the perfume features. One row per perfume and analysed week: the week is
-- [week_start, week_start + 7 d), Sunday 00:00 UTC to the next Sunday 00:00 UTC, compared with the 7 days before
-- it. Counts are non-bot PERFUME_VIEW and WISHLIST_ADD events by event time (the daily buckets); growth is
-- (week - previous week) / max(previous week, 1). Written by the weekly-trends job with an upsert that changes a
-- row only when one of its figures changed, so re-running a week gives the same rows. Kept for good (52 rows per
-- perfume a year).
create table perfume_weekly_trend (
    perfume_id             text             not null,
    week_start             timestamptz      not null,
    views                  integer          not null,
    previous_views         integer          not null,
    view_growth            double precision not null,
    wishlist_adds          integer          not null,
    previous_wishlist_adds integer          not null,
    wishlist_growth        double precision not null,
    computed_at            timestamptz      not null,
    primary key (perfume_id, week_start)
);
