-- The seed's profile calculation (issue #21): totalInteractions counts the events of categories RATING, REVIEW and
-- COLLECTION, and totalSearches the whole SEARCH category (it counted SEARCH_PERFORMED only). Rows folded before
-- this migration keep their counts: searches other than SEARCH_PERFORMED and earlier interactions are not in them
-- (docs/metrics.md, profile-service: rebuild by replaying the topic into an empty database).
alter table user_behavior_profile
    add column total_interactions integer not null default 0;
