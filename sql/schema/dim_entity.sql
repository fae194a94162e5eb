create table if not exists dim_entity (
    entity_key varchar primary key,
    canonical_name varchar not null,
    entity_type varchar not null check (
        entity_type in ('PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT', 'WORK_OF_ART', 'LANGUAGE')
    ),
);

comment on table dim_entity is 'Real-world entities (people, organizations, places, ...) that articles mention; one row per entity.';
comment on column dim_entity.entity_key is 'Deterministic key: first 16 hex digits of SHA-256 over entity type and lower-cased canonical name.';
comment on column dim_entity.canonical_name is 'The name the entity is filed under, e.g. United Nations.';
comment on column dim_entity.entity_type is 'spaCy entity label: PERSON, ORG, GPE, LOC, NORP, EVENT, LAW, FAC, PRODUCT, WORK_OF_ART or LANGUAGE.';
