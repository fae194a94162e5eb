"""The deployment declared in prefect.yaml points at a flow that loads, on the schedule the README promises."""

import yaml
from prefect.flows import load_flow_from_entrypoint

from wirehouse.paths import project_root


def test_prefect_yaml_declares_the_ingest_deployment():
    config = yaml.safe_load((project_root() / "prefect.yaml").read_text())
    [deployment] = config["deployments"]
    assert deployment["entrypoint"] == "flows/ingest.py:ingest_articles"
    assert deployment["schedules"][0]["cron"] == "*/15 * * * *"
    assert deployment["concurrency_limit"] == 1
    flow = load_flow_from_entrypoint(str(project_root() / deployment["entrypoint"]))
    assert flow.name == "ingest-articles"
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
