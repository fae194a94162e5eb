create table if not exists etl_file_ledger (
    file_path varchar not null,
    content_sha256 varchar,
    article_id varchar,
    status varchar not null check (status in ('loaded', 'duplicate', 'quarantined', 'failed')),
    reason varchar,
    run_id varchar not null,
    seen_at timestamp with time zone not null,
    -- Grain: one row per (run_id, file_path). Checked by the loader, not declared as a key: the index
    -- of a key this size made every checkpoint rewrite it, so each run cost more as the warehouse grew.
);

comment on table etl_file_ledger is 'Every inbox file each run saw, with exactly one status per run: nothing is dropped silently.';
comment on column etl_file_ledger.file_path is 'Absolute path of the file.';
comment on column etl_file_ledger.content_sha256 is 'SHA-256 of the raw bytes; NULL when the file could not be read.';
comment on column etl_file_ledger.article_id is 'The article the file holds (new or already loaded); NULL when it never became one.';
comment on column etl_file_ledger.status is 'loaded, duplicate (its text is already in the warehouse), quarantined (bad input or failed a critical check) or failed (a processing error).';
comment on column etl_file_ledger.reason is 'Why the file got that status, specific enough to act on; NULL for loaded.';
comment on column etl_file_ledger.run_id is 'The run (etl_run.run_id).';
comment on column etl_file_ledger.seen_at is 'When the run recorded the file.';
