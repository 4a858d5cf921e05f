"""When a stored notebook output no longer matches, say how to refresh it."""

from __future__ import annotations

HINT = (
    "A tool notebook's results changed (nbval compares them with the outputs saved in "
    "book/tools/*.ipynb). If you changed a checklist, a sample or plnlib on purpose, run "
    "'make notebooks-refresh', look at the notebooks' diff and commit them "
    "(CONTRIBUTING.md, section 4)."
)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    failed = terminalreporter.stats.get("failed", [])
    if any(".ipynb::" in getattr(report, "nodeid", "") for report in failed):
        terminalreporter.write_sep("-", "notebook outputs")
        terminalreporter.write_line(HINT)
