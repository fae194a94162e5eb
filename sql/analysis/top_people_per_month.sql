-- Question: who are the five most-mentioned people in each publication month?
with
person_month as (
    select
        date_trunc('month', fact_article.published_date) as published_month,
        dim_entity.entity_key,
        dim_entity.canonical_name as person,
        count(*) as mentions,
        count(distinct fact_entity_mention.article_id) as articles,
    from fact_entity_mention
    inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
    inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
    where dim_entity.entity_type = 'PERSON'
        and fact_article.published_date is not null
    group by published_month, dim_entity.entity_key, dim_entity.canonical_name
),

ranked_person_month as (
    select
        person_month.published_month,
        person_month.person,
        person_month.mentions,
        person_month.articles,
        row_number() over (
            partition by person_month.published_month
            order by person_month.mentions desc, person_month.articles desc, person_month.person
        ) as month_rank,
    from person_month
)

select
    ranked_person_month.published_month,
    ranked_person_month.month_rank,
    ranked_person_month.person,
    ranked_person_month.mentions,
    ranked_person_month.articles,
from ranked_person_month
where ranked_person_month.month_rank <= 5
order by ranked_person_month.published_month, ranked_person_month.month_rank
