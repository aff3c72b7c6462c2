-- Issue #22: GET /v1/perfumes/top ranks avgViewDurationMs over all time too, through an index like every other
-- all-time ranking (the rows with fewer than minSample views with a duration are skipped while walking it).
create index idx_perfume_interaction_stats_avg_view_duration on perfume_interaction_stats (avg_view_duration);
