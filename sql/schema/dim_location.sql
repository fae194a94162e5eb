create table if not exists dim_location (
    location_key varchar primary key,
    name varchar not null,
    country_code varchar,
    latitude double,
    longitude double,
    kind varchar not null,
    geonames_id bigint,
    gazetteer_name varchar,
);

comment on table dim_location is 'Places named in datelines, geocoded offline with the GeoNames cities gazetteer.';
comment on column dim_location.location_key is 'Deterministic key: first 16 hex digits of SHA-256 over the lower-cased name and country code.';
comment on column dim_location.name is 'Place name as normalized from the dateline, e.g. Moscow, Rio de Janeiro.';
comment on column dim_location.country_code is 'ISO 3166-1 alpha-2 country code; NULL when the gazetteer does not know the place.';
comment on column dim_location.latitude is 'Latitude in decimal degrees (WGS84); NULL when unknown.';
comment on column dim_location.longitude is 'Longitude in decimal degrees (WGS84); NULL when unknown.';
comment on column dim_location.kind is 'city, country, or unresolved (not found in the gazetteer).';
comment on column dim_location.geonames_id is 'GeoNames id of the matched place; NULL when unresolved.';
comment on column dim_location.gazetteer_name is 'The place''s name in GeoNames (e.g. Saint Petersburg for ST. PETERSBURG).';
