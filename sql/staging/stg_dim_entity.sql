-- Staging for dim_entity: the batch's rows as the loader hands them over (incoming_dim_entity),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_dim_entity
),

renamed as (
    select
        cast(source.entity_key as varchar) as entity_key,
        cast(source.canonical_name as varchar) as canonical_name,
        cast(source.entity_type as varchar) as entity_type,
        cast(source.name_source as varchar) as name_source,
        cast(source.related_entity_key as varchar) as related_entity_key,
        cast(source.relation as varchar) as relation,
        cast(source.location_key as varchar) as location_key,
    from source
)

select * from renamed
