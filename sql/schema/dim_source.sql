create table if not exists dim_source (
    source_key varchar primary key,
    name varchar not null,
    kind varchar not null check (kind in ('agency', 'publisher')),
);

comment on table dim_source is 'News agencies and publishers that articles come from; one row per source.';
comment on column dim_source.source_key is 'Deterministic key: first 16 hex digits of SHA-256 over the lower-cased source name.';
comment on column dim_source.name is 'Source name as readers know it, e.g. TASS, Reuters, AP, President of Russia.';
comment on column dim_source.kind is 'agency (a wire service named in a dateline or photo credit) or publisher (named in a Source: header).';
