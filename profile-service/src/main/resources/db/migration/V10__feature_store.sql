-- Issue #12, ADR 0021: the user feature store. (V8 is another change's: the signup columns.)

-- The feature schema, one row per version, frozen: its layout (the code's feature list it was made for), the full
-- schema as served by GET /v1/features/schema (every feature's position, name, group, description and normalisation
-- with its constants, and the vocabulary: the note and house of each slot, the perfume types, the catalog's price
-- points), who made it, and the last run day that computed vectors in it (computed_through). A new version is made only
-- by POST /v1/features/schema/versions, by the first run when none exists, or by a run of code with another layout.
create table feature_schema_version (
    version          integer     primary key,
    layout           text        not null,
    definition       text        not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    computed_through date
);

-- Each user's current vector (the contract with the similarity and segment jobs: user_id, schema_version, as_of,
-- vector, computed_at), written by the profile job's feature stage. vector is a JSON array of numbers, every one in
-- [0,1], in the positions of its schema version. as_of is the run's UTC day; computed_at the run's clock plus the time
-- the run had taken when the vector was written (ADR 0021, "Snapshots and leakage"). The profile it was computed
-- with (profile_as_of, profile_computed_by) tells the next run whether it is stale; account_age_* say which signup
-- time accountAge used.
create table user_feature_vector (
    user_id             text        primary key,
    schema_version      integer     not null,
    as_of               date        not null,
    vector              text        not null,
    computed_at         timestamptz not null,
    account_age_days    integer     not null,
    account_age_source  text        not null,
    profile_as_of       timestamptz,
    profile_computed_by text
);
create index idx_user_feature_vector_version on user_feature_vector (schema_version, user_id);

-- The vectors as they were: a row whenever a run computes a vector that differs from the user's latest one at or
-- before it (same schema version). Kept newsmell.profile.features.retention-days (90) before the latest run's day,
-- plus the one in effect at that horizon. Read by GET /v1/profiles/{userId}/features?asOf= and the point-in-time
-- join POST /v1/features/historical (the primary key serves both: the latest row at or before a day or an instant).
create table user_feature_snapshot (
    user_id            text        not null,
    schema_version     integer     not null,
    as_of              date        not null,
    computed_at        timestamptz not null,
    vector             text        not null,
    account_age_days   integer     not null,
    account_age_source text        not null,
    primary key (user_id, schema_version, as_of, computed_at)
);
create index idx_user_feature_snapshot_as_of on user_feature_snapshot (as_of);

-- The retention horizon: the first day whose vectors the snapshots still answer for (the latest pruning run's day
-- minus retention-days + 1; it never moves back). One row.
create table feature_store_state (
    id                boolean primary key default true check (id),
    retention_horizon date    not null
);
