-- Staging for fact_quote: the batch's rows as the loader hands them over (incoming_fact_quote),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_fact_quote
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.speaker_entity_key as varchar) as speaker_entity_key,
        cast(source.quote_text as varchar) as quote_text,
        cast(source.start_char as integer) as start_char,
        cast(source.end_char as integer) as end_char,
        cast(source.kind as varchar) as kind,
        cast(source.speaker_text as varchar) as speaker_text,
    from source
)

select * from renamed
