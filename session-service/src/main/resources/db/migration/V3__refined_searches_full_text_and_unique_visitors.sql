-- Issue #21: a SEARCH_REFINED is a search of its own, linked to the search it refines; the seed's full-text index
-- on the query text; unique users and visitors are counted from user_session when the metrics are read.

alter table search_query
    add column search_type       text not null default 'initial', -- the seed's SearchEvent.searchType
    add column refines_search_id text;                            -- searchId of the refined search, same session

-- The searchType the stored rows' events carried (SEARCH_REFINED rows and the links come with a session's next
-- re-fold: see the README, "Changing a definition").
update search_query q
set search_type = e.event_data ->> 'searchType'
from session_event e
where e.session_id = q.session_id
  and e.event_type in ('SEARCH_PERFORMED', 'SEARCH_NO_RESULTS')
  and coalesce(e.event_data ->> 'searchId', cast(e.event_id as text)) = q.search_id
  and e.event_data ->> 'searchType' in ('initial', 'refinement', 'suggestion_click');

-- The seed's idx_search_query_text ("USING gin(to_tsvector(...))") was a btree on the text under that name. The
-- 'simple' configuration lower-cases and splits words without stemming or stop words: queries are perfume, house
-- and note names in any language, not English prose. GET /v1/search/queries?q= matches exactly this expression.
drop index idx_search_query_text;
create index idx_search_query_text on search_query using gin (to_tsvector('simple', query_text));

-- Unique users and visitors are distinct counts over any range, computed from user_session at read time (a
-- per-hour or per-day count cannot be summed into a range): the hourly job's tables go.
drop table active_users_hourly;
drop table active_users_daily;
