-- The profile job rewrites every computed profile (~2-4 KB, most of it the JSON text of the preference lists, V9).
-- A row over PostgreSQL's default TOAST target (~2 KB) has its largest values compressed with pglz on every write,
-- which cost about as much PostgreSQL CPU as the rest of the update (measured: 10,000 profile updates took ~0.9 s
-- with compression and ~0.4 s without). A profile fits in a page: keep it inline and uncompressed up to 8,160 bytes
-- (larger rows are still toasted, as before). ADR 0018, "Speed".
alter table user_behavior_profile set (toast_tuple_target = 8160);
