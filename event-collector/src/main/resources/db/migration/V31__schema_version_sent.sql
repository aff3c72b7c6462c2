-- The schemaVersion a client sent, as it sent it ("2-1-0", or "2" for an integer model; null when absent), ADR 0040.
-- schema_version stays the model the event was checked and stamped as, which every reader goes by.
alter table user_interaction_event add column schema_version_sent text;
