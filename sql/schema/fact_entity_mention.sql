create table if not exists fact_entity_mention (
    article_id varchar not null,
    entity_key varchar not null,
    mention_text varchar not null,
    label varchar not null,
    start_char integer not null,
    end_char integer not null,
    section varchar not null check (section in ('title', 'subtitle', 'caption', 'dateline', 'body')),
    sentence_index integer not null,
    role varchar,
    affiliation varchar,
    link_method varchar,
    -- Grain: one row per (article_id, start_char, end_char). Checked by the loader, not declared as a key: the index of a key
    -- this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
    check (start_char >= 0 and end_char > start_char),
);

comment on table fact_entity_mention is 'One row per named-entity mention in an article.';
comment on column fact_entity_mention.article_id is 'The article (fact_article.article_id).';
comment on column fact_entity_mention.entity_key is 'The entity mentioned (dim_entity.entity_key).';
comment on column fact_entity_mention.mention_text is 'The mention exactly as it appears: substring(full_text, start_char + 1, end_char - start_char). A name broken across a wrapped line keeps its line break; never across a blank line.';
comment on column fact_entity_mention.label is 'Entity label given to this mention (spaCy label set).';
comment on column fact_entity_mention.start_char is 'Offset of the first character in article_text.full_text (0-based, Python string index).';
comment on column fact_entity_mention.end_char is 'Offset just past the last character (exclusive).';
comment on column fact_entity_mention.section is 'Part of the article: title, subtitle, caption, dateline or body.';
comment on column fact_entity_mention.sentence_index is 'Index (0-based) of the sentence the mention starts in, counted over the whole text.';
comment on column fact_entity_mention.role is 'For a person: the title or role given with the name (Foreign Minister, Special Envoy); NULL when none.';
comment on column fact_entity_mention.affiliation is 'For a person: the organization or country the role belongs to (United Nations, Russia); NULL when none.';
comment on column fact_entity_mention.link_method is 'How the mention was linked to its entity (see entity_alias.method).';
