-- Issue 16 (ADR 0064): the anonymousId of a ledger row's and of a conversion's events, so that an identity link finds
-- the anonymous visitor's rows and gives them the user; and the links this service applied.

-- A row's visitor: the anonymousId of its earliest event that had one (ties: the smallest), like its user and session.
alter table recommendation_feedback
    add column visitor_id         text,
    add column visitor_event_time timestamptz;
create index idx_recommendation_feedback_visitor on recommendation_feedback (visitor_id) where visitor_id is not null;

alter table recommendation_conversion add column anonymous_id text;
create index idx_recommendation_conversion_anonymous on recommendation_conversion (anonymous_id)
    where anonymous_id is not null;
-- The identity links themselves (identity_link) are the toolkit's table (db/toolkit/R__service_toolkit.sql).
