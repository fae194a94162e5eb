create table if not exists etl_mart_run (
    mart varchar not null,
    run_id varchar not null,
    primary key (mart, run_id),
);

comment on table etl_mart_run is 'Which runs'' articles each incrementally kept table (e.g. fact_person_month) already counts: a run is added once, so refreshing twice never counts it twice.';
comment on column etl_mart_run.mart is 'The table kept up to date, e.g. fact_person_month.';
comment on column etl_mart_run.run_id is 'A run whose articles the table counts (etl_run.run_id, fact_article.run_id).';
