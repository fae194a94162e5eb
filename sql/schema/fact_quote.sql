create table if not exists fact_quote (
    article_id varchar not null,
    speaker_entity_key varchar,
    quote_text varchar not null,
    start_char integer not null,
    end_char integer not null,
    kind varchar not null check (kind in ('direct', 'indirect')),
    speaker_text varchar,
    -- Grain: one row per (article_id, start_char, end_char). Checked by the loader, not declared as a key: the index of a key
    -- this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
);

comment on table fact_quote is 'One row per quotation in an article: direct (in quotation marks) or reported speech.';
comment on column fact_quote.article_id is 'The article (fact_article.article_id).';
comment on column fact_quote.speaker_entity_key is 'Who is quoted (dim_entity.entity_key); NULL when unattributed.';
comment on column fact_quote.quote_text is 'The quoted words.';
comment on column fact_quote.start_char is 'Offset of the quote in article_text.full_text (0-based).';
comment on column fact_quote.end_char is 'Offset just past the quote (exclusive).';
comment on column fact_quote.kind is 'direct (in quotation marks) or indirect (reported speech).';
comment on column fact_quote.speaker_text is 'The words naming the speaker in the text (Lavrov, he, the ministry); NULL when none was found.';
