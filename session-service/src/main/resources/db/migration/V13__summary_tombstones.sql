-- Issue #15, ADR 0032: a null payload is a tombstone for the session's record on the compacted session-summaries
-- topic, written by an erasure.
alter table session_summary_outbox alter column payload drop not null;
