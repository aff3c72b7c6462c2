-- Issue #11, the job's speed: the profile's nested lists (preferred notes, houses, price range, perfume types,
-- activity by hour and weekday, search patterns) become text holding JSON. Every run rewrites them for every
-- recomputed profile, and they are only ever read whole (the API parses them), never queried inside: as jsonb,
-- PostgreSQL parsed ~2.4 KB of JSON per profile on each write, half of the job's database time (ADR 0018, "Speed").
-- The service is their only writer and writes them with Jackson.
alter table user_behavior_profile
    alter column preferred_notes drop default,
    alter column preferred_houses drop default,
    alter column preferred_perfume_types drop default,
    alter column active_time_of_day drop default,
    alter column active_days_of_week drop default,
    alter column search_patterns drop default;

alter table user_behavior_profile
    alter column preferred_notes type text using preferred_notes::text,
    alter column preferred_houses type text using preferred_houses::text,
    alter column preferred_price_range type text using preferred_price_range::text,
    alter column preferred_perfume_types type text using preferred_perfume_types::text,
    alter column active_time_of_day type text using active_time_of_day::text,
    alter column active_days_of_week type text using active_days_of_week::text,
    alter column search_patterns type text using search_patterns::text;

alter table user_behavior_profile
    alter column preferred_notes set default '[]',
    alter column preferred_houses set default '[]',
    alter column preferred_perfume_types set default '[]',
    alter column active_time_of_day set default '[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]',
    alter column active_days_of_week set default '[0,0,0,0,0,0,0]',
    alter column search_patterns set default '[]';
