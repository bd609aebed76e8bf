"""The GitHub Actions workflow is valid (schema vendored by check-jsonschema, offline) and gated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "helpcenter.yml"


def test_workflow_matches_the_github_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_deploy_runs_only_after_checks_and_only_from_main() -> None:
    workflow = YAML(typ="safe", pure=True).load(WORKFLOW.read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    assert "helpcenter check --format github" in steps
    assert "mkdocs build --strict --site-dir site" in steps
    assert "bash scripts/test" in steps
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "check"
    assert "refs/heads/main" in deploy["if"]
    assert "pull_request" in deploy["if"]
