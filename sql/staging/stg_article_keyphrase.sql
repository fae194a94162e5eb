-- Staging for article_keyphrase: the batch's rows as the loader hands them over (incoming_article_keyphrase),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_article_keyphrase
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.phrase as varchar) as phrase,
        cast(source.score as double) as score,
        cast(source.rank as integer) as rank,
        cast(source.occurrences as integer) as occurrences,
    from source
)

select * from renamed
