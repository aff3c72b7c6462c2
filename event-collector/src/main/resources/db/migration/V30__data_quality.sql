-- Issue #20: the data-quality view (GET /v1/quality, /v1/quality/samples). Bounded: counts per minute, samples capped
-- per rule and kept 7 days (QualityCleanup). Accepted events are counted from the raw store itself.

-- Per minute: rejected events (outcome rejected, by eventType and source), their violations (outcome violation, by
-- eventType, rule and field pointer) and dead-lettered records (outcome dead_lettered, by consumer, reason and
-- eventType). '' is "no value". Replicas add to the same rows (insert ... on conflict do update).
create table quality_minute (
    minute      timestamptz not null,
    outcome     text        not null,
    event_type  text        not null default '',
    rule        text        not null default '',
    field       text        not null default '',
    source      text        not null default '',
    consumer    text        not null default '',
    count       bigint      not null,
    primary key (minute, outcome, event_type, rule, field, source, consumer)
);

-- The latest rejected bodies, masked (no user id, IP or free text), at most newsmell.quality.samples-per-rule per rule.
create table quality_sample (
    id          bigserial   primary key,
    recorded_at timestamptz not null,
    rule        text        not null,
    event_type  text        not null default '',
    field       text        not null default '',
    source      text        not null default '',
    body        text        not null
);
create index quality_sample_rule on quality_sample (rule, id desc);
create index quality_sample_recorded_at on quality_sample (recorded_at);

-- Dead-letter records already counted (a redelivery is counted once): kept as long as the samples.
create table quality_dead_letter_seen (
    topic_partition integer     not null,
    record_offset   bigint      not null,
    seen_at         timestamptz not null,
    primary key (topic_partition, record_offset)
);
create index quality_dead_letter_seen_at on quality_dead_letter_seen (seen_at);
