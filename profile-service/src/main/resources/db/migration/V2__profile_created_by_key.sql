-- A profile row is created race-free with just its key (insert … on conflict do nothing, ADR 0012), then locked
-- and folded in the same transaction. last_active_date is the largest event timestamp: a default of now() would
-- beat every event's, so it has none, and it is null only inside the transaction that creates the row.
alter table user_behavior_profile
    alter column last_active_date drop default,
    alter column last_active_date drop not null;
