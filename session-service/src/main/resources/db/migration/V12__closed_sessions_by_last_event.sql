-- Issue #15, ADR 0030: the session-event-pruning job finds closed sessions by their last event.
create index idx_user_session_closed_last on user_session (last_event_time) where closed;
