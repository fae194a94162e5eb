-- Staging for dim_topic: the batch's rows as the loader hands them over (incoming_dim_topic),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_dim_topic
),

renamed as (
    select
        cast(source.topic_key as varchar) as topic_key,
        cast(source.scheme as varchar) as scheme,
        cast(source.code as varchar) as code,
        cast(source.label as varchar) as label,
        cast(source.parent_key as varchar) as parent_key,
        cast(source.level as integer) as level,
        cast(source.model_version as integer) as model_version,
    from source
)

select * from renamed
