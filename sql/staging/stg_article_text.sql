-- Staging for article_text: the batch's rows as the loader hands them over (incoming_article_text),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_article_text
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.full_text as varchar) as full_text,
    from source
)

select * from renamed
