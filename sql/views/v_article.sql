-- Articles with their source, publication day and dateline place: the table most BI questions start from.
create or replace view v_article as
select
    fact_article.article_id,
    fact_article.title,
    fact_article.subtitle,
    fact_article.published_date,
    fact_article.date_source,
    fact_article.date_confidence,
    dim_date.year as published_year,
    dim_date.month as published_month,
    dim_source.name as source_name,
    dim_source.kind as source_kind,
    fact_article.dateline_place,
    dim_location.country_code as dateline_country_code,
    dim_location.latitude as dateline_latitude,
    dim_location.longitude as dateline_longitude,
    fact_article.language,
    fact_article.word_count,
    fact_article.source_file,
    fact_article.loaded_at,
from fact_article
left join dim_source on fact_article.source_key = dim_source.source_key
left join dim_location on fact_article.location_key = dim_location.location_key
left join dim_date on fact_article.date_key = dim_date.date_key
