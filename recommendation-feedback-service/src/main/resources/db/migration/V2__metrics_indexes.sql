-- Recommendation metrics and the impressions list (issue #22, ADR 0015). Impressions are counted by impression_time
-- in [from, to), filtered and broken down by algorithm, source and position: one (dimension, impression_time) index
-- per dimension, and (impression_time, id) for the unfiltered range and the list's keyset order. Clicked rows
-- without an impression are counted by their first click: a small partial index (only rows still waiting for their
-- RECOMMENDATION_SHOWN are in it).
create index idx_recommendation_feedback_algorithm_time on recommendation_feedback (algorithm, impression_time);
create index idx_recommendation_feedback_source_time on recommendation_feedback (source, impression_time);
create index idx_recommendation_feedback_position_time on recommendation_feedback (position, impression_time);
create index idx_recommendation_feedback_impression_time on recommendation_feedback (impression_time, id);
create index idx_recommendation_feedback_click_without_impression on recommendation_feedback (first_interaction_time)
    where impression_time is null;
