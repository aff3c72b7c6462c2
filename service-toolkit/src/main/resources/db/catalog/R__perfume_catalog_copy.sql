-- A service's own copy of the perfume catalog (issue #11, ADR 0016), for the services that keep one (their
-- quarkus.flyway.locations add db/catalog): one row per perfume, replaced by a record of the same or a newer version,
-- deleted by a tombstone. Prices are in the collector's base currency, rounded to cents; notes are the entry's
-- [{noteId, name, layer, category}]. Repeatable and idempotent (profile-service's V5 created the same table first).
create table if not exists perfume_catalog (
    perfume_id      text          primary key,
    version         bigint        not null,
    name            text          not null,
    house_id        text          not null,
    house_name      text          not null,
    perfume_type    text          not null,
    concentration   text          not null,
    launch_year     integer,
    price_amount    numeric(14, 2) not null,
    price_currency  text          not null,
    notes           jsonb         not null default '[]'::jsonb,
    updated_at      timestamptz   not null default now()
);

create index if not exists idx_perfume_catalog_house on perfume_catalog (house_id);
