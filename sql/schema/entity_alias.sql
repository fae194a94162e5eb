create table if not exists entity_alias (
    alias varchar not null,
    entity_key varchar not null,
    method varchar not null,
    -- Key: (alias, entity_key), one row per pair. Kept by the loader (it inserts only pairs the table lacks), not
    -- declared: DuckDB rewrote the key's index at every checkpoint, so each run cost more as the warehouse grew.
);

comment on table entity_alias is 'Every surface form seen for an entity and how it was linked to it.';
comment on column entity_alias.alias is 'The text as it appeared in an article, e.g. the United Nations.';
comment on column entity_alias.entity_key is 'The entity this alias refers to (dim_entity.entity_key).';
comment on column entity_alias.method is 'How the alias was linked: exact, case_variant (MOSCOW/Moscow), transliteration (Sergey/Sergei), surname_in_article (Lavrov after Sergei Lavrov), curated_alias (UN, UNO → United Nations), acronym_in_article (ISSG spelled out in the same article), demonym_target.';
