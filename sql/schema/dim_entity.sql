create table if not exists dim_entity (
    entity_key varchar not null,
    canonical_name varchar not null,
    entity_type varchar not null check (
        entity_type in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT', 'WORK_OF_ART', 'LANGUAGE')
    ),
    name_source varchar not null default 'observed' check (name_source in ('curated', 'observed')),
    related_entity_key varchar,
    relation varchar,
    location_key varchar,
    -- Key: entity_key, one row per entity. Kept by the loader (it inserts only keys the table lacks), not declared:
    -- DuckDB rewrote the key's index at every checkpoint, so each run cost more as the warehouse grew.
);

comment on table dim_entity is 'Real-world entities (people, organizations, places, ...) that articles mention; one row per entity.';
comment on column dim_entity.entity_key is 'Deterministic key: first 16 hex digits of SHA-256 over entity type and the name''s match key (lower-case ASCII; for people, transliteration variants folded), so reloads in any order give the same keys.';
comment on column dim_entity.canonical_name is 'The name the entity is filed under, e.g. United Nations: from the team''s alias list, or else its most frequent full surface form.';
comment on column dim_entity.entity_type is 'spaCy entity label: PERSON, ORG, GPE, LOC, NORP, EVENT, LAW, FAC, PRODUCT, WORK_OF_ART or LANGUAGE.';
comment on column dim_entity.name_source is 'curated (canonical name from the team''s alias list) or observed (chosen from the mentions).';
comment on column dim_entity.related_entity_key is 'A related entity (dim_entity.entity_key), e.g. the country of a demonym; NULL when none.';
comment on column dim_entity.relation is 'How related_entity_key relates: demonym_of (Russian → Russia).';
comment on column dim_entity.location_key is 'For places: the geocoded place (dim_location.location_key); NULL when the gazetteer does not know it.';
