create table if not exists etl_mart_run (
    mart varchar not null,
    run_id varchar not null,
    mention_rows bigint,
    primary key (mart, run_id),
);

comment on table etl_mart_run is 'Which runs'' articles each incrementally kept table (e.g. fact_person_month) or transform (dim_entity_names: display names) already counts: a run is added once, so refreshing twice never counts it twice.';
comment on column etl_mart_run.mart is 'The table kept up to date, e.g. fact_person_month, or dim_entity_names for the display names in dim_entity.';
comment on column etl_mart_run.run_id is 'A run whose articles the table counts (etl_run.run_id, fact_article.run_id).';
comment on column etl_mart_run.mention_rows is 'Rows fact_entity_mention held when the run was counted: the mart''s next refresh looks for new mentions only from this row id on (the table is only appended to).';
