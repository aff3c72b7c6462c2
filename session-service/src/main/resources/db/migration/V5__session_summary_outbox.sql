-- Issue #11, ADR 0017: session summaries leave through an outbox. The transaction that closes or re-folds a closed
-- session writes its summary here (no dual write); SessionSummaryRelay publishes the pending rows to the
-- session-summaries topic and deletes them only after Kafka acknowledged them.
alter table user_session add column summary_revision bigint not null default 0;

create table session_summary_outbox (
    id          bigserial primary key,
    session_id  text        not null,
    revision    bigint      not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);
