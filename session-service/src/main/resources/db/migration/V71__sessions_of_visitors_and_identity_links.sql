-- Issue 16 (ADR 0064): events without a sessionId (Segment-spec, ADR 0061) are sessionised by visitor, and the
-- identity links stitch anonymous visitors to users.

-- A Segment-spec event may come without a path; the event's anonymousId is kept so that a link can find its sessions;
-- visitor_id names the visitor whose derived session the event is in ('anonymous:<id>' or 'user:<id>'), null for an
-- event that came with its sessionId.
alter table session_event
    alter column path drop not null,
    add column anonymous_id text,
    add column visitor_id   text;
create index idx_session_event_anonymous on session_event (anonymous_id) where anonymous_id is not null;

-- A session's anonymous id (its first event's, in fold order), and the visitor of a derived session, whose sessions a
-- late event can extend, merge or move.
alter table user_session
    add column anonymous_id text,
    add column visitor_id   text;
create index idx_user_session_visitor on user_session (visitor_id, start_time) where visitor_id is not null;
-- The identity links themselves (identity_link) are the toolkit's table (db/toolkit/R__service_toolkit.sql).
