-- Entity mentions counted once per story: only the representative copy of each story, so a
-- syndicated story does not count once per site that republished it.
create or replace view v_story_entity_mention as
select
    article_story.story_id,
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
inner join article_story on fact_entity_mention.article_id = article_story.article_id
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
left join dim_source on fact_article.source_key = dim_source.source_key
where article_story.story_id = article_story.article_id;

comment on view v_story_entity_mention is 'Entity mentions of unique stories: the mentions of each story''s representative copy only (count stories, not copies).';
comment on column v_story_entity_mention.source_name is 'Agency or publisher of the representative copy (dim_source.name).';
