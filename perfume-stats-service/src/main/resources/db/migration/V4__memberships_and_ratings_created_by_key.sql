-- Memberships and ratings are written like every aggregate (ADR 0012): the consumer creates the rows a batch needs
-- with just their key (insert ... on conflict do nothing), locks them in key order, then folds the batch's latest
-- event into each. Between the insert and the fold (one transaction) a new row has seen no event: as_of is null
-- and the pair is in no list. The fold always sets as_of, so a committed row has one.
alter table membership
    alter column in_list set default false,
    alter column as_of drop not null;
alter table perfume_rating
    alter column as_of drop not null;
