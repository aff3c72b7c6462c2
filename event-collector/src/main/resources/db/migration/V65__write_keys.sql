-- Write keys (issue 16, ADR 0065): what a client presents to ingest (Basic-auth user name). Only the key's HMAC-SHA256
-- under the pepper (Secret collector-write-keys) is stored, with a short prefix to tell keys apart in listings; the
-- key itself is shown once, when it is created. A revoked key keeps its row (revoked_at) for the audit trail.
create table write_key (
    write_key_id    uuid        primary key,
    source          text        not null check (source in ('web', 'ios', 'android', 'server')),
    key_hash        text        not null unique,
    key_prefix      text        not null,
    allowed_origins text[]      not null default '{}',
    rate_per_second integer     not null check (rate_per_second > 0),
    burst           integer     not null check (burst > 0),
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);
create index write_key_listing on write_key (created_at desc, write_key_id desc);
