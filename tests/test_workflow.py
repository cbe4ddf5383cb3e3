"""The GitHub Actions workflow is valid and does what .ci/run does, plus preview and deploy.

It cannot run here, so it is checked against GitHub's workflow schema (action-validator,
from npm) and read for the steps that matter.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOW = REPO / ".github/workflows/site.yml"
VALIDATOR = REPO / "node_modules/.bin/action-validator"


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    if not VALIDATOR.exists():
        pytest.fail(
            "node_modules is missing: run sh scripts/install-system-deps.sh (make test does)"
        )
    return subprocess.run([str(VALIDATOR), str(path)], capture_output=True, text=True, check=False)


def test_workflow_matches_the_github_schema(tmp_path: Path) -> None:
    assert validate(WORKFLOW).returncode == 0
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("runs-on:", "run-on:", 1))
    result = validate(broken)
    assert result.returncode == 1 and "run-on" in result.stdout + result.stderr


def test_workflow_checks_tests_builds_previews_and_deploys_main() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["test-and-build"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any("samen check" in command for command in commands)
    assert "make test" in commands, "the same command as .ci/run"
    assert "make test" in (REPO / ".ci/run").read_text()
    assert "make build" in commands
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload["with"]["name"] == "site-preview" and upload["with"]["path"] == "site/"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test-and-build"
    assert "refs/heads/main" in deploy["if"] and "push" in deploy["if"]
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in deploy["steps"])
