-- Question: who are the five most-mentioned people in each publication month?
-- Read from fact_person_month, which the loader keeps at this grain (one row per person entity and
-- publication month, with its mentions and distinct articles), instead of counting every mention.
with
ranked_person_month as (
    select
        date_trunc('month', fact_person_month.published_month) as published_month,
        dim_entity.canonical_name as person,
        fact_person_month.mentions,
        fact_person_month.articles,
        row_number() over (
            partition by fact_person_month.published_month
            order by fact_person_month.mentions desc, fact_person_month.articles desc, dim_entity.canonical_name
        ) as month_rank,
    from fact_person_month
    inner join dim_entity on fact_person_month.entity_key = dim_entity.entity_key
    where fact_person_month.published_month is not null
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
