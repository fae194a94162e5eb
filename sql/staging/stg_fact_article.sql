-- Staging for fact_article: the batch's rows as the loader hands them over (incoming_fact_article),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_fact_article
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.source_file as varchar) as source_file,
        cast(source.content_sha256 as varchar) as content_sha256,
        cast(source.title as varchar) as title,
        cast(source.subtitle as varchar) as subtitle,
        cast(source.published_date as date) as published_date,
        cast(source.date_source as varchar) as date_source,
        cast(source.date_confidence as double) as date_confidence,
        cast(source.date_note as varchar) as date_note,
        cast(source.date_flag as varchar) as date_flag,
        cast(source.dateline_place as varchar) as dateline_place,
        cast(source.source_key as varchar) as source_key,
        cast(source.location_key as varchar) as location_key,
        cast(source.date_key as integer) as date_key,
        cast(source.language as varchar) as language,
        cast(source.language_confidence as double) as language_confidence,
        cast(source.nlp_status as varchar) as nlp_status,
        cast(source.word_count as integer) as word_count,
        cast(source.sentence_count as integer) as sentence_count,
        cast(source.paragraph_count as integer) as paragraph_count,
        cast(source.captions as varchar) as captions,
        cast(source.photo_credits as varchar) as photo_credits,
        cast(source.photo_ids as varchar) as photo_ids,
        cast(source.bylines as varchar) as bylines,
        cast(source.source_encoding as varchar) as source_encoding,
        cast(source.loaded_at as timestamp with time zone) as loaded_at,
        cast(source.run_id as varchar) as run_id,
    from source
)

select * from renamed
