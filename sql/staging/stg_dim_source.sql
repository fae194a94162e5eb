-- Staging for dim_source: the batch's rows as the loader hands them over (incoming_dim_source),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_dim_source
),

renamed as (
    select
        cast(source.source_key as varchar) as source_key,
        cast(source.name as varchar) as name,
        cast(source.kind as varchar) as kind,
    from source
)

select * from renamed
