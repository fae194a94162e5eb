-- Question: who is quoted in articles that mention Syria, and how often?
with
syria_article as (
    select distinct
        fact_entity_mention.article_id,
    from fact_entity_mention
    inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
    where dim_entity.canonical_name = 'Syria'
)

select
    dim_entity.canonical_name as speaker,
    dim_entity.entity_type as speaker_type,
    count(*) as quotes,
    count(distinct fact_quote.article_id) as articles,
from fact_quote
inner join syria_article on fact_quote.article_id = syria_article.article_id
inner join dim_entity on fact_quote.speaker_entity_key = dim_entity.entity_key
group by dim_entity.entity_key, dim_entity.canonical_name, dim_entity.entity_type
order by quotes desc, articles desc, speaker
