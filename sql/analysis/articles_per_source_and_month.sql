-- Question: how many articles did each source publish per month?
select
    coalesce(dim_source.name, '(unknown)') as source_name,
    date_trunc('month', fact_article.published_date) as published_month,
    count(*) as articles,
from fact_article
left join dim_source on fact_article.source_key = dim_source.source_key
group by source_name, published_month
order by published_month nulls last, source_name
