-- Staging for article_terms: the batch's rows as the loader hands them over (incoming_article_terms),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_article_terms
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.terms as varchar) as terms,
    from source
)

select * from renamed
