-- Question: which people are mentioned in the most articles?
-- Read from fact_person_month (mentions and articles per person entity and month, kept by the loader)
-- rather than from every mention. People are grouped by canonical_name, and several entity keys can
-- carry the same name (dim_entity_names.sql chooses names run by run): adding their per-entity article
-- counts would count twice an article that mentions two of them, so the articles of such a shared
-- name are counted from the mentions themselves (only those entities' mentions are read; none when no
-- name is shared).
with
person as (
    select
        dim_entity.entity_key,
        dim_entity.canonical_name,
        count(*) over (partition by dim_entity.canonical_name) as name_entities,
    from dim_entity
    where dim_entity.entity_type = 'PERSON'
),

entity_total as (
    select
        fact_person_month.entity_key,
        sum(fact_person_month.articles) as articles,
        sum(fact_person_month.mentions) as mentions,
    from fact_person_month
    group by fact_person_month.entity_key
),

name_total as (
    select
        person.canonical_name as person,
        sum(entity_total.articles) as articles,
        sum(entity_total.mentions) as mentions,
    from entity_total
    inner join person on entity_total.entity_key = person.entity_key
    group by person.canonical_name
),

shared_name_article as (
    select
        person.canonical_name as person,
        count(distinct fact_entity_mention.article_id) as articles,
    from fact_entity_mention
    inner join person on fact_entity_mention.entity_key = person.entity_key
    where person.name_entities > 1
    group by person.canonical_name
)

select
    name_total.person,
    cast(coalesce(shared_name_article.articles, name_total.articles) as bigint) as articles,
    cast(name_total.mentions as bigint) as mentions,
from name_total
left join shared_name_article on name_total.person = shared_name_article.person
order by articles desc, mentions desc, person
limit 10
