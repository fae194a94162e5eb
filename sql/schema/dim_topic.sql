create table if not exists dim_topic (
    topic_key varchar primary key,
    scheme varchar not null,
    code varchar not null,
    label varchar not null,
    parent_key varchar,
    level integer not null default 1,
    model_version integer,
    unique (scheme, code),
);

comment on table dim_topic is 'Topics articles can be about: IPTC Media Topics (scheme iptc) and, later, discovered themes.';
comment on column dim_topic.topic_key is 'Deterministic key: first 16 hex digits of SHA-256 over scheme and code.';
comment on column dim_topic.scheme is 'Taxonomy: iptc (IPTC Media Topics) or discovered (fitted on the corpus).';
comment on column dim_topic.code is 'Code within the scheme, e.g. medtop:16000000.';
comment on column dim_topic.label is 'Human-readable label, e.g. conflict, war and peace; for discovered topics, their top terms.';
comment on column dim_topic.parent_key is 'Broader topic (dim_topic.topic_key); NULL at the top level.';
comment on column dim_topic.level is '1 for top-level topics, 2 for second-level (IPTC); 1 for discovered topics.';
comment on column dim_topic.model_version is 'For discovered topics: the topic_model version that last labelled the topic; NULL for IPTC.';
