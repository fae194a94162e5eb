-- Question: from which countries are articles datelined?
select
    coalesce(dim_location.country_code, '(none)') as country_code,
    count(*) as articles,
from fact_article
left join dim_location on fact_article.location_key = dim_location.location_key
group by country_code
order by articles desc, country_code
