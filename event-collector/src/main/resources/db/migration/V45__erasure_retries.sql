-- Issue #15, ADR 0032: a request some service has not acknowledged done is published again (the erasure-retries job).
-- attempts counts publications (the first included); next_attempt_at is null once every service acknowledged done or
-- the attempts are used up. retry_user_id is the user id the re-publication needs: kept only while the request waits
-- for acknowledgements, then cleared (the request itself keeps only the keyed hash).
alter table privacy_request
    add column attempts        integer not null default 1,
    add column last_attempt_at timestamptz,
    add column next_attempt_at timestamptz,
    add column retry_user_id   text;

update privacy_request set last_attempt_at = published_at;

create index idx_privacy_request_next_attempt on privacy_request (next_attempt_at)
    where next_attempt_at is not null;
