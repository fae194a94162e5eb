-- Staging for bridge_article_topic: the batch's rows as the loader hands them over (incoming_bridge_article_topic),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_bridge_article_topic
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.topic_key as varchar) as topic_key,
        cast(source.score as double) as score,
        cast(source.rank as integer) as rank,
        cast(source.evidence as varchar) as evidence,
    from source
)

select * from renamed
