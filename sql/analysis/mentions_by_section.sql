-- Question: how do the mentions of each entity type split across the parts of an article?
-- Mentions are counted per entity and section first (a cheap pass over the fact table), then summed per entity type.
with
entity_section as (
    select
        fact_entity_mention.entity_key,
        fact_entity_mention.section,
        count(*) as mentions,
    from fact_entity_mention
    group by fact_entity_mention.entity_key, fact_entity_mention.section
)

select
    dim_entity.entity_type,
    cast(coalesce(sum(entity_section.mentions) filter (where entity_section.section = 'title'), 0) as bigint) as title_mentions,
    cast(coalesce(sum(entity_section.mentions) filter (where entity_section.section = 'subtitle'), 0) as bigint) as subtitle_mentions,
    cast(coalesce(sum(entity_section.mentions) filter (where entity_section.section = 'caption'), 0) as bigint) as caption_mentions,
    cast(coalesce(sum(entity_section.mentions) filter (where entity_section.section = 'dateline'), 0) as bigint) as dateline_mentions,
    cast(coalesce(sum(entity_section.mentions) filter (where entity_section.section = 'body'), 0) as bigint) as body_mentions,
    cast(sum(entity_section.mentions) as bigint) as mentions,
from entity_section
inner join dim_entity on entity_section.entity_key = dim_entity.entity_key
group by dim_entity.entity_type
order by mentions desc, dim_entity.entity_type
