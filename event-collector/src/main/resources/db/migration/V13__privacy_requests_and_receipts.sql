-- Issue #15, ADR 0032: erasure requests (DELETE /v1/users/{userId}/data), the services' acknowledgements (the receipt,
-- GET /v1/privacy/requests/{id}), the archive's pending rewrites, and suppressed events. The user id is kept only as
-- a keyed hash, except in archive_erasure_pending until event-archiver has rewritten the archive without the user.
create table privacy_request (
    request_id   uuid        primary key,
    user_hash    text        not null,
    requested_at timestamptz not null,
    published_at timestamptz
);
create index idx_privacy_request_user on privacy_request (user_hash);

-- One row per (request, service, table group); a redelivered acknowledgement replaces it.
create table privacy_ack (
    request_id   uuid        not null,
    service      text        not null,
    table_group  text        not null,
    status       text        not null,
    rows         bigint      not null,
    completed_at timestamptz not null,
    error        text,
    primary key (request_id, service, table_group)
);

create table archive_erasure_pending (
    request_id   uuid        primary key,
    user_id      text        not null,
    requested_at timestamptz not null
);

-- Events of erased users that arrived later, dropped at the collector and counted per user hash and day.
create table suppressed_event_count (
    user_hash text   not null,
    day       date   not null,
    events    bigint not null,
    primary key (user_hash, day)
);
