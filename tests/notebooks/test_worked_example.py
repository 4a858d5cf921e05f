"""The worked example (book/tools/worked-example.ipynb) says only what plnlib computes.

The page's numbers and names are glued from its code cells (``{glue:md}`key```), so the prose
never hard-codes a result. These tests recompute the year with plnlib and check that the
stored results agree, that every decision follows from the result it cites and links the
chapter plnlib names for it, that every tool the page names is linked, and that the page is
in the table of contents with a title starting "A worked example".

If a sample, a checklist or plnlib changes on purpose, re-run the notebook
(``python scripts/execute_notebooks.py book/tools/worked-example.ipynb``); if a decision test
then fails, the data now point elsewhere: rewrite that decision (the cell tagged
``decision-...``) for the new result and its chapter.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from plnlib import (
    analyse,
    load_checklist,
    monitor,
    planning,
    prepare_answers,
    prepare_monitoring,
    priorities,
    team_summary,
)
from plnlib.io.content import load_chapters
from plnlib.samples import SAMPLE_SLOTS, WORKED_SCHOOLS, worked_year
from tests.conftest import REPO

PAGE = REPO / "book" / "tools" / "worked-example.ipynb"
DOC = "/book/tools/worked-example"
TOOLS = {  # what the page calls each tool -> the tool's page
    "readiness": "/book/tools/checklists/readiness",
    "design checklist": "/book/tools/checklists/pln-design",
    "team results": "/book/tools/team-results",
    "time finder": "/book/tools/time-finder",
    "improvement cycles": "/book/tools/improvement-cycles",
    "map": "/book/tools/map-your-network",
    "monitor": "/book/tools/monitor-your-network",
    "mobilisation tracker": "/book/tools/mobilisation-tracker",
}
STEPS = {  # each step's decision cell -> the tool it used
    "decision-readiness": "readiness",
    "decision-design": "design checklist",
    "decision-time": "time finder",
    "decision-cycles": "improvement cycles",
    "decision-map": "map",
    "decision-monitoring": "monitor",
}
_DOC = re.compile(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`")
_GLUE = re.compile(r"\{glue:md\}`([^`:]+)(?::[a-z]+)?`|```\{glue:md\} (\S+)")


@cache
def notebook() -> dict:
    return json.loads(PAGE.read_text(encoding="utf-8"))


def markdown_cells() -> list[dict]:
    return [c for c in notebook()["cells"] if c["cell_type"] == "markdown"]


def text(cell: dict) -> str:
    return "".join(cell["source"])


def glued() -> dict[str, str]:
    """Every value the notebook glued, as stored with its outputs."""
    out = {}
    for cell in notebook()["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                data = output["data"]
                out[name] = next(v for k, v in data.items() if k.endswith("text/markdown"))
    return out


def links(source: str) -> set[str]:
    return {m.strip() for m in _DOC.findall(source)}


def step(tag: str) -> str:
    """The prose of a step: its heading up to and including its decision cell."""
    cells = markdown_cells()
    end = next(i for i, c in enumerate(cells) if tag in c.get("metadata", {}).get("tags", []))
    start = max(i for i in range(end + 1) if text(cells[i]).lstrip().startswith("## "))
    return "\n".join(text(c) for c in cells[start : end + 1])


def decision(tag: str) -> str:
    return next(text(c) for c in markdown_cells() if tag in c.get("metadata", {}).get("tags", []))


def chapter_doc(chapter_id: str) -> str:
    return "/" + load_chapters()[chapter_id].path


@cache
def computed() -> dict[str, object]:
    """The year recomputed with plnlib, as the page's code cells compute it."""
    readiness, design = load_checklist("readiness"), load_checklist("pln-design")
    year = worked_year(readiness, design)
    before = year.waves[0]

    def weakest(summary, checklist):
        found = priorities(summary, checklist, sections=1, items=1)
        return found[found["level"] == "section"].iloc[0]

    ready = weakest(team_summary(prepare_answers(year.readiness, readiness), readiness), readiness)
    first = year.design[year.design["wave"] == before]
    base = weakest(team_summary(prepare_answers(first, design), design), design)
    slots = SAMPLE_SLOTS
    tidy = planning.tidy_from_grid(
        year.free_times, person="Name", school="School", sep=", ", slots=slots
    )
    free = planning.availability_from_tidy(tidy, slots=slots)
    best = planning.availability(free).iloc[0]
    cycles = planning.prepare_cycles(year.pdsa, diagram=planning.diagram_from_dict(year.diagram))
    done = cycles[cycles["status"] == "done"]
    central, linked, _ = analyse(year.network.pseudonymise()).answers
    single = linked.details[linked.details["only_through"] != ""]
    hangs = single[["school_a", "school_b"]].stack().value_counts()
    answers = prepare_monitoring(year.design, design, by="school", wave="wave")
    result = monitor(answers, design, by="school", wave="wave", rosters=year.rosters)
    change = result.changes.query("network and level == 'section'").set_index("id")
    ends, still = change["mean_after"].idxmin(), change["change"].abs().idxmin()
    return {
        "members": year.members,
        "schools": len(year.schools),
        "ready_id": ready["id"],
        "ready_chapter": ready["chapter"],
        "ready_weakest": ready["title"],
        "base_id": base["id"],
        "base_chapter": base["chapter"],
        "base_weakest": base["title"],
        "best_time": f"{best['day']} {best['slot'].lower()}",
        "best_schools": int(best["schools"]),
        "of_schools": int(best["of_schools"]),
        "away": len(planning.cannot_make(free, best["day"], best["slot"])),
        "last_act": done.iloc[-1]["act"],
        "last_next": done.iloc[-1]["next"],
        "edge_members": int((~central.details["central"]).sum()),
        "single_school": hangs.index[0],
        "single_pairs": int(hangs.iloc[0]),
        "end_id": ends,
        "end_weakest": change.loc[ends, "title"],
        "end_chapter": design.section(ends).chapter,
        "still": change.loc[still, "title"],
        "still_chapter": design.section(still).chapter,
    }


def test_the_page_is_in_the_toc_with_a_worked_example_title():
    toc = (REPO / "_toc.yml").read_text(encoding="utf-8")
    assert f"file: {DOC.lstrip('/')}\n" in toc
    title = text(markdown_cells()[0]).splitlines()[0]
    assert title.startswith("# A worked example"), title


def test_the_page_is_linked_from_the_tools_index_and_the_year_long_guide():
    for page in ("book/tools/index.md", "book/facilitate/year-long-cycle.md"):
        assert DOC in links((REPO / page).read_text(encoding="utf-8")), page


def test_the_page_says_its_data_are_synthetic_and_names_only_sample_schools():
    opening = text(markdown_cells()[0])
    assert "synthetic" in opening.lower()
    assert all(school.split()[0] in opening for school in WORKED_SCHOOLS)
    prose = "\n".join(text(c) for c in markdown_cells())
    named = set(re.findall(r"\b([A-Z][a-z]+) School\b", prose))
    assert named <= {s.split()[0] for s in WORKED_SCHOOLS}, named


def test_the_prose_hard_codes_no_number():
    """Numbers come from glued results; the prose itself has no digit."""
    for cell in markdown_cells():
        prose = _DOC.sub("", text(cell))
        prose = re.sub(r"\{[a-z:]+\}`[^`]*`|`[^`]*`|```\{glue:md\}[^\n]*", "", prose)
        prose = re.sub(r"\|[-| ]+\|", "", prose)  # table rules
        digits = re.findall(r"[^\s]*\d[^\s]*", prose)
        assert not digits, f"hard-coded numbers in the prose: {digits} (glue them instead)"


def test_every_glued_key_the_prose_uses_is_stored():
    used = {a or b for c in markdown_cells() for a, b in _GLUE.findall(text(c))}
    assert used, "the page glues nothing"
    assert used <= set(glued()), f"used but not glued: {sorted(used - set(glued()))}"


@pytest.mark.parametrize("tag", sorted(STEPS))
def test_each_step_links_its_tool(tag):
    assert TOOLS[STEPS[tag]] in links(step(tag)), f"{tag}: no link to {TOOLS[STEPS[tag]]}"


def test_every_tool_the_page_names_is_linked():
    prose = "\n".join(text(c) for c in markdown_cells())
    found = links(prose)
    named = {name for name in TOOLS if name in _DOC.sub("", prose).lower()}
    assert named, "the page names no tool"
    missing = {name: TOOLS[name] for name in named if TOOLS[name] not in found}
    assert not missing, f"tools named but not linked: {missing}"


def test_every_link_is_to_a_page_in_the_toc():
    toc = (REPO / "_toc.yml").read_text(encoding="utf-8")
    prose = "\n".join(text(c) for c in markdown_cells())
    for target in links(prose):
        assert f"file: {target.lstrip('/')}\n" in toc, target


@pytest.mark.parametrize(
    "key",
    [
        "members",
        "schools",
        "ready_weakest",
        "base_weakest",
        "best_time",
        "best_schools",
        "away",
        "last_act",
        "last_next",
        "edge_members",
        "single_school",
        "single_pairs",
        "end_weakest",
        "still",
    ],
)
def test_the_stored_result_is_what_plnlib_computes(key):
    assert glued()[key] == str(computed()[key]), (
        f"{key}: the page says {glued()[key]!r}, plnlib computes {computed()[key]!r}; "
        "re-run the notebook"
    )


def test_the_readiness_decision_follows_from_the_weakest_section():
    c = computed()
    assert chapter_doc(c["ready_chapter"]) in links(decision("decision-readiness"))


def test_the_design_decision_follows_from_the_weakest_design_element():
    c = computed()
    assert chapter_doc(c["base_chapter"]) in links(decision("decision-design"))


def test_the_meeting_time_decision_follows_from_the_time_finder():
    c = computed()
    text_ = decision("decision-time")
    assert "every school can be there" in text_
    assert c["best_schools"] == c["of_schools"] == c["schools"]
    assert "cannot come" in text_ and c["away"] > 0


def test_the_cycles_decision_follows_from_the_last_finished_cycle():
    assert computed()["last_act"] == "adopt"
    assert "adopted that change" in decision("decision-cycles")


def test_the_map_decisions_follow_from_the_network_map():
    c = computed()
    text_ = decision("decision-map")
    assert c["edge_members"] > 0 and "{glue:md}`edge_members`" in text_
    assert c["single_pairs"] > 1 and "{glue:md}`single_school`" in text_


def test_the_summer_decision_follows_from_the_monitoring_result():
    c = computed()
    text_ = decision("decision-monitoring")
    # the prose says the baseline's weakest element is "still" the weakest
    assert c["end_id"] == c["base_id"], (c["end_weakest"], c["base_weakest"])
    assert c["end_weakest"].split()[0].lower() in text_.lower()
    assert chapter_doc(c["end_chapter"]) in links(text_)
    # the element that moved least is named and its chapter linked from computed values
    assert "{glue:md}`still`" in text_ and "{glue:md}`still_link`" in text_
    chapter = load_chapters()[c["still_chapter"]]
    assert glued()["still_link"] == f"[{chapter.title}](../../{chapter.path}.html)"


def test_the_prose_lifts_no_run_from_the_sources():
    from tests.content import test_own_words as own

    prose = own.prose("\n\n".join(text(c) for c in markdown_cells()))
    assert own.lifted_runs(own.words(prose), own._source_grams()) == []


def test_the_summary_gives_the_reasons_the_decisions_give():
    cells = markdown_cells()
    start = next(i for i, c in enumerate(cells) if "decisions at a glance" in text(c))
    summary = text(cells[start]).split("## Try it", 1)[0]
    reasons = {link for link in links(summary) if not link.startswith("/book/tools/")}
    given = set().union(*(links(decision(tag)) for tag in STEPS))
    assert reasons, "the summary links no chapter"
    assert reasons <= given, f"reasons in the summary that no decision gives: {reasons - given}"
