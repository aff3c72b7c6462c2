-- perfume-stats-service's table group: PerfumeInteractionStats (the specification's model, minimal columns),
-- the wishlist memberships that give inWishlistCount its set semantics, and the claims that make the consumer
-- idempotent.
create table perfume_interaction_stats (
    perfume_id        text primary key,
    total_views       integer not null default 0,
    in_wishlist_count integer not null default 0 check (in_wishlist_count >= 0),
    last_viewed_at    timestamptz,
    updated_at        timestamptz not null default now()
);
create index idx_perfume_interaction_stats_total_views on perfume_interaction_stats (total_views);
create index idx_perfume_interaction_stats_in_wishlist_count on perfume_interaction_stats (in_wishlist_count);

-- One row per (user, perfume) pair ever added or removed: whether it is in the list, as of which event time.
-- user_key is the userId, else 'session:<sessionId>'.
create table wishlist_membership (
    user_key   text not null,
    perfume_id text not null,
    in_list    boolean not null,
    as_of      timestamptz not null,
    primary key (user_key, perfume_id)
);

create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
