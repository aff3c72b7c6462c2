-- Segment-spec ingest (issue #16, ADR 0061): the visitor's anonymousId is part of the envelope, and an event mapped from
-- a Segment-spec message may have neither a sessionId nor a path (Segment's spec has neither; the event is then keyed
-- by its anonymousId or userId). Native events keep both: the contract's EventParser requires them on submission.
alter table user_interaction_event add column anonymous_id text;
alter table user_interaction_event alter column session_id drop not null;
alter table user_interaction_event alter column path drop not null;
