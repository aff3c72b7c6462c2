-- The running state of an open session (ADR 0070): the fold's running totals and the position of its last event, so
-- that events appended in order update the session without reading its stored events. Null for closed sessions and
-- for sessions the fast path cannot continue (they are re-folded from session_event, as before).
alter table user_session add column fold_state jsonb;
