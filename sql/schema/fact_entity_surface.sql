create table if not exists fact_entity_surface (
    entity_key varchar not null,
    mention_text varchar not null,
    mentions bigint not null,
);

comment on table fact_entity_surface is 'How often each entity was mentioned under each surface form, counting the mentions matched by name (link_method exact, transliteration or case_variant; surnames resolved inside an article do not count): an aggregate of fact_entity_mention kept up to date by the loader (sql/marts/fact_entity_surface.sql), from which the display name of an entity the alias list does not know is chosen.';
comment on column fact_entity_surface.entity_key is 'The entity (dim_entity.entity_key).';
comment on column fact_entity_surface.mention_text is 'The surface form as written in the articles (fact_entity_mention.mention_text), a line break inside it (a wrapped line) read as one space.';
comment on column fact_entity_surface.mentions is 'Mentions of the entity written this way, over every article loaded.';
