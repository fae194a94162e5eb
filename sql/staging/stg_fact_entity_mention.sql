-- Staging for fact_entity_mention: the batch's rows as the loader hands them over (incoming_fact_entity_mention),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_fact_entity_mention
),

renamed as (
    select
        cast(source.article_id as varchar) as article_id,
        cast(source.entity_key as varchar) as entity_key,
        cast(source.mention_text as varchar) as mention_text,
        cast(source.label as varchar) as label,
        cast(source.start_char as integer) as start_char,
        cast(source.end_char as integer) as end_char,
        cast(source.section as varchar) as section,
        cast(source.sentence_index as integer) as sentence_index,
        cast(source.role as varchar) as role,
        cast(source.affiliation as varchar) as affiliation,
        cast(source.link_method as varchar) as link_method,
    from source
)

select * from renamed
