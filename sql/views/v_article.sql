-- Articles with their source, publication day and dateline place: the table most BI questions start from.
create or replace view v_article as
select
    fact_article.article_id,
    fact_article.title,
    fact_article.subtitle,
    fact_article.published_date,
    fact_article.date_source,
    fact_article.date_confidence,
    fact_article.date_flag,
    dim_date.year as published_year,
    dim_date.month as published_month,
    dim_source.name as source_name,
    dim_source.kind as source_kind,
    fact_article.dateline_place,
    dim_location.country_code as dateline_country_code,
    dim_location.latitude as dateline_latitude,
    dim_location.longitude as dateline_longitude,
    fact_article.language,
    fact_article.nlp_status,
    fact_article.word_count,
    fact_article.source_file,
    fact_article.loaded_at,
    article_story.story_id,
    article_story.story_id = fact_article.article_id as is_story_representative,
    article_story.similarity as story_similarity,
from fact_article
left join article_story on fact_article.article_id = article_story.article_id
left join dim_source on fact_article.source_key = dim_source.source_key
left join dim_location on fact_article.location_key = dim_location.location_key
left join dim_date on fact_article.date_key = dim_date.date_key;

comment on view v_article is 'Articles with source name, publication day and geocoded dateline place; start BI questions here.';
comment on column v_article.published_year is 'Calendar year of the publication date (NULL when unknown).';
comment on column v_article.published_month is 'Month number of the publication date (NULL when unknown).';
comment on column v_article.source_name is 'Agency or publisher name (dim_source.name).';
comment on column v_article.source_kind is 'agency or publisher (dim_source.kind).';
comment on column v_article.dateline_country_code is 'ISO 3166-1 alpha-2 country of the dateline place.';
comment on column v_article.dateline_latitude is 'Latitude of the dateline place.';
comment on column v_article.dateline_longitude is 'Longitude of the dateline place.';
comment on column v_article.is_story_representative is 'True for the earliest copy of its story (the one unique-story views count).';
comment on column v_article.story_similarity is 'Estimated share of text shared with the story''s representative (article_story.similarity).';
