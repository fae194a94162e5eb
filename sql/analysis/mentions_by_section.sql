-- Question: how do the mentions of each entity type split across the parts of an article?
select
    dim_entity.entity_type,
    count(*) filter (where fact_entity_mention.section = 'title') as title_mentions,
    count(*) filter (where fact_entity_mention.section = 'subtitle') as subtitle_mentions,
    count(*) filter (where fact_entity_mention.section = 'caption') as caption_mentions,
    count(*) filter (where fact_entity_mention.section = 'dateline') as dateline_mentions,
    count(*) filter (where fact_entity_mention.section = 'body') as body_mentions,
    count(*) as mentions,
from fact_entity_mention
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
group by dim_entity.entity_type
order by mentions desc, dim_entity.entity_type
