-- Issue #15, ADR 0048: feature snapshots, a training dataset, are stored under the user's keyed pseudonym only
-- (user_id holds 'pseudonym:' + HMAC-SHA256 under newsmell.privacy.hash-key, computed by the service). Snapshots
-- written before under a user id cannot be re-keyed in SQL (the key is not in the database): they are dropped, the
-- next profile run writes each user's current vector as a snapshot again. Snapshots of profiles anonymised by the
-- profile-retention job already carry that pseudonym and stay.
delete from user_feature_snapshot where user_id not like 'pseudonym:%';
