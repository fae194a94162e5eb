create table if not exists etl_quality_finding (
    run_id varchar not null,
    batch_number integer not null,
    suite varchar not null,
    expectation varchar not null,
    column_name varchar,
    severity varchar not null check (severity in ('critical', 'warning')),
    unexpected_count integer not null,
    article_ids varchar,
    action varchar check (action in ('quarantined', 'rows dropped', 'loaded')),
);

comment on table etl_quality_finding is 'Every failed Great Expectations check of every batch and what the run did about it (action): a critical failure on an article''s own row quarantined the article; on a mention, quote or topic row it dropped that row and the article loaded; warnings were loaded.';
comment on column etl_quality_finding.run_id is 'The run (etl_run.run_id).';
comment on column etl_quality_finding.batch_number is 'Batch of the run the check ran on, from 1.';
comment on column etl_quality_finding.suite is 'Expectation suite (a file in expectations/).';
comment on column etl_quality_finding.expectation is 'The expectation that failed, e.g. expect_column_values_to_be_between.';
comment on column etl_quality_finding.column_name is 'The column it checks.';
comment on column etl_quality_finding.severity is 'critical (the failing rows did not load; see action) or warning (loaded).';
comment on column etl_quality_finding.unexpected_count is 'Rows that failed the check.';
comment on column etl_quality_finding.article_ids is 'The affected articles, comma-separated (at most 50).';
comment on column etl_quality_finding.action is 'quarantined (the articles named were set aside), rows dropped (the failing mention, quote or topic rows were left out and the articles loaded) or loaded (a warning); NULL for runs before it was recorded.';
