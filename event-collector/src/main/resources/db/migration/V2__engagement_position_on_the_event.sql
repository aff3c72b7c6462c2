-- Issue #21 (ADR 0014): the seed's EngagementEvent puts pageScrollPosition and timeOnPage on the event
-- ("pageScrollPosition: number", "timeOnPage: number"): numbers, decimals kept exactly as the double the client
-- sent. Events of schemaVersion 1 kept them in event_data and have null here. Adding them to the partitioned table
-- adds them to every partition; ensure_interaction_partitions creates new ones "like" the table, with them.
alter table user_interaction_event
    add column page_scroll_position double precision,
    add column time_on_page double precision;
