create table if not exists etl_run (
    run_id varchar primary key,
    flow_run_id varchar,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    status varchar not null check (status in ('running', 'completed', 'failed')),
    files_seen integer not null default 0,
    loaded_count integer not null default 0,
    duplicate_count integer not null default 0,
    quarantined_count integer not null default 0,
    failed_count integer not null default 0,
    mention_count integer not null default 0,
    error varchar,
    data_docs varchar,
);

comment on table etl_run is 'One row per ingest run, with what it did.';
comment on column etl_run.run_id is 'Run identifier (the Prefect flow run id when run under Prefect).';
comment on column etl_run.flow_run_id is 'Prefect flow run id; look the run up in the Prefect UI with it.';
comment on column etl_run.started_at is 'When the run started.';
comment on column etl_run.finished_at is 'When the run ended; NULL while running or if the process died.';
comment on column etl_run.status is 'running, completed, or failed.';
comment on column etl_run.files_seen is 'Inbox files the run looked at.';
comment on column etl_run.loaded_count is 'Files loaded as new articles.';
comment on column etl_run.duplicate_count is 'Files whose text was already in the warehouse (or earlier in the run).';
comment on column etl_run.quarantined_count is 'Files set aside as bad input or for failing a critical check.';
comment on column etl_run.failed_count is 'Files that hit a processing error.';
comment on column etl_run.mention_count is 'Entity mentions loaded by the run.';
comment on column etl_run.error is 'What went wrong when status is failed.';
comment on column etl_run.data_docs is 'Path of the Great Expectations Data Docs (HTML) index that shows this run''s validations.';
