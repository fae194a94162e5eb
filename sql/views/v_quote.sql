-- Quotations with their speaker's canonical name and the article's date, source and title.
create or replace view v_quote as
select
    fact_quote.article_id,
    fact_quote.kind,
    fact_quote.quote_text,
    fact_quote.speaker_text,
    dim_entity.entity_key as speaker_entity_key,
    dim_entity.canonical_name as speaker_name,
    dim_entity.entity_type as speaker_type,
    fact_quote.start_char,
    fact_quote.end_char,
    fact_article.title,
    fact_article.published_date,
    dim_source.name as source_name,
from fact_quote
inner join fact_article on fact_quote.article_id = fact_article.article_id
left join dim_entity on fact_quote.speaker_entity_key = dim_entity.entity_key
left join dim_source on fact_article.source_key = dim_source.source_key;

comment on view v_quote is 'Quotations (direct and reported) with the speaker''s canonical entity and the article''s date and source.';
comment on column v_quote.speaker_name is 'Canonical name of the speaker (dim_entity.canonical_name); NULL when unattributed.';
comment on column v_quote.speaker_type is 'Entity type of the speaker: PERSON or ORG.';
comment on column v_quote.source_name is 'Agency or publisher of the article.';
