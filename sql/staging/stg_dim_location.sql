-- Staging for dim_location: the batch's rows as the loader hands them over (incoming_dim_location),
-- renamed and cast to the warehouse types. Nothing else happens here.
with

source as (
    select * from incoming_dim_location
),

renamed as (
    select
        cast(source.location_key as varchar) as location_key,
        cast(source.name as varchar) as name,
        cast(source.country_code as varchar) as country_code,
        cast(source.latitude as double) as latitude,
        cast(source.longitude as double) as longitude,
        cast(source.kind as varchar) as kind,
        cast(source.geonames_id as bigint) as geonames_id,
        cast(source.gazetteer_name as varchar) as gazetteer_name,
    from source
)

select * from renamed
