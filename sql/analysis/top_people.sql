-- Question: which people are mentioned in the most articles?
select
    dim_entity.canonical_name as person,
    count(distinct fact_entity_mention.article_id) as articles,
    count(*) as mentions,
from fact_entity_mention
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
where dim_entity.entity_type = 'PERSON'
group by dim_entity.canonical_name
order by articles desc, mentions desc, person
limit 10
