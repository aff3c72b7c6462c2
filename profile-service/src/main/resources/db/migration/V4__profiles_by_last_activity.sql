-- GET /v1/profiles (issue #22, ADR 0015): profiles keyset-paged by (last_active_date desc, user_id), optionally within
-- a range of last_active_date. This index serves both the order and the range, and every query the index on
-- last_active_date alone (V1, the seed's @@index([lastActiveDate])) served, which it therefore replaces.
create index idx_user_behavior_profile_last_active_user on user_behavior_profile (last_active_date desc, user_id);
drop index idx_user_behavior_profile_last_active;
