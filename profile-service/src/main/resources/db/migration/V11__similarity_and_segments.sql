-- Issue #12, similarity and weekly segmentation (ADR 0022, README "Similarity" and "Segments").

-- The users' feature vectors: written by the vector stage of the daily job (its own migration, V10, creates this
-- table; the agreed shape is repeated here, only if it does not exist yet, so that this migration applies on a
-- database without V10 too). Read-only for similarity and segments: every value of vector (a JSON array of numbers)
-- is in [0, 1]; vectors of different schema versions are never compared.
create table if not exists user_feature_vector (
    user_id        text primary key,
    schema_version integer not null,
    as_of          date not null,
    vector         text not null,
    computed_at    timestamptz not null
);

-- Each user's most similar other users (cosine similarity of vectors of the same schema version, 4 decimals), rank 1
-- first, ties by other_user_id; precomputed for every user by the similar-users stage/job. A user's rows are
-- replaced together.
create table user_similar (
    user_id        text             not null,
    rank           integer          not null,
    other_user_id  text             not null,
    similarity     double precision not null,
    schema_version integer          not null,
    as_of          date             not null,
    primary key (user_id, rank)
);

-- The weekly segments: k-means over the vectors of the latest schema version, numbered by size (1 = largest). The
-- id is '<week>-<number>', week being the Sunday (UTC) of the run. centroid: JSON array of the segment's mean vector;
-- distinctive_features: JSON array of {index, name?, segmentMean, populationMean, difference, standardDifference}.
create table user_segment (
    segment_id           text        primary key,
    week                 date        not null,
    number               integer     not null,
    schema_version       integer     not null,
    size                 integer     not null,
    centroid             text        not null,
    distinctive_features text        not null,
    computed_at          timestamptz not null,
    unique (week, number)
);

-- Each user's segment in each kept week.
create table user_segment_assignment (
    week       date not null,
    user_id    text not null,
    segment_id text not null references user_segment (segment_id) on delete cascade,
    primary key (week, user_id)
);
-- GET /v1/segments/{id}/users pages a segment's users by userId.
create index idx_user_segment_assignment_segment_user on user_segment_assignment (segment_id, user_id);

-- A profile carries the segment of the latest segmentation that included it, and that week.
alter table user_behavior_profile
    add column segment_id   text,
    add column segment_week date;
