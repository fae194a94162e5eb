-- Every entity mention with the entity's canonical name and the article's date and source.
create or replace view v_entity_mention as
select
    fact_entity_mention.article_id,
    dim_entity.entity_key,
    dim_entity.canonical_name,
    dim_entity.entity_type,
    fact_entity_mention.mention_text,
    fact_entity_mention.label,
    fact_entity_mention.section,
    fact_entity_mention.sentence_index,
    fact_entity_mention.start_char,
    fact_entity_mention.end_char,
    fact_article.published_date,
    dim_source.name as source_name,
from fact_entity_mention
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
left join dim_source on fact_article.source_key = dim_source.source_key;

comment on view v_entity_mention is 'Entity mentions with canonical entity names and the article''s date and source.';
comment on column v_entity_mention.source_name is 'Agency or publisher of the article (dim_source.name).';
