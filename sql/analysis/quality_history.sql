-- Question: how did each ingest run go, and how many quality checks failed in it?
select
    etl_run.run_id,
    etl_run.started_at,
    etl_run.status,
    etl_run.files_seen,
    etl_run.loaded_count,
    etl_run.duplicate_count,
    etl_run.quarantined_count,
    etl_run.failed_count,
    count(etl_quality_finding.run_id) filter (where etl_quality_finding.severity = 'critical') as critical_findings,
    count(etl_quality_finding.run_id) filter (where etl_quality_finding.severity = 'warning') as warning_findings,
from etl_run
left join etl_quality_finding on etl_run.run_id = etl_quality_finding.run_id
group by
    etl_run.run_id,
    etl_run.started_at,
    etl_run.status,
    etl_run.files_seen,
    etl_run.loaded_count,
    etl_run.duplicate_count,
    etl_run.quarantined_count,
    etl_run.failed_count
order by etl_run.started_at
