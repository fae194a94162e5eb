-- Staging for entity_alias: the batch's rows as the loader hands them over (incoming_entity_alias),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_entity_alias
),

renamed as (
    select
        cast(source.alias as varchar) as alias,
        cast(source.entity_key as varchar) as entity_key,
        cast(source.method as varchar) as method,
    from source
)

select * from renamed
