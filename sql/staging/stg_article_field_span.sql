-- Staging for article_field_span: the batch's rows as the loader hands them over (incoming_article_field_span),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_article_field_span
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.field as varchar) as field,
        cast(source.value as varchar) as value,
        cast(source.start_char as integer) as start_char,
        cast(source.end_char as integer) as end_char,
    from source
)

select * from renamed
