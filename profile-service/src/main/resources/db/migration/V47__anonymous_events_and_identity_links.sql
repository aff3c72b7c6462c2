-- Issue 16 (ADR 0064): an anonymous visitor's events wait here until an identity link names the user; the link folds
-- them into the user's rollups and deletes them, in one transaction. Dropped with the rollup days before the history.
create table anonymous_event (
    event_id     uuid        primary key,
    anonymous_id text        not null,
    timestamp    timestamptz not null,
    payload      text        not null
);
create index idx_anonymous_event_visitor on anonymous_event (anonymous_id);
create index idx_anonymous_event_time on anonymous_event (timestamp);
-- The identity links themselves (identity_link) are the toolkit's table (db/toolkit/R__service_toolkit.sql).
