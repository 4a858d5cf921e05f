"""Charts of the planning tools: titles, descriptions and table alternatives."""

from __future__ import annotations

from plnlib.charts.planning import slot_heatmap, slot_ranking
from plnlib.planning.freetimes import tidy_from_grid
from plnlib.planning.timefinder import availability, availability_from_tidy
from plnlib.samples.planning import SAMPLE_SLOTS, free_times_grid


def sample():
    tidy = tidy_from_grid(free_times_grid(seed=2), person="Name", school="School", sep=", ")
    data = availability_from_tidy(tidy, slots=SAMPLE_SLOTS)
    return data, availability(data)


def test_heatmap_has_week_order_text_and_table():
    data, table = sample()
    spec = slot_heatmap(table, days=data.days, slots=data.slots).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"][0] == "Monday"
    assert spec["layer"][0]["encoding"]["x"]["sort"] == list(SAMPLE_SLOTS)
    best = table.iloc[0]
    assert f"Best: {best['day']} {best['slot']} ({best['available']} of 18" in spec["description"]
    meta = spec["usermeta"]["plnlib"]
    assert len(meta["table"]) == 20 and "members free" in meta["columns"]
    # aggregated only: no names in the chart
    assert "synthetic)" not in str(spec) and "Member 0" not in str(spec)


def test_ranking_lists_the_best_first():
    _, table = sample()
    spec = slot_ranking(table, top=5).to_dict()
    rows = spec["usermeta"]["plnlib"]["table"]
    assert [r["rank"] for r in rows] == [1, 2, 3, 4, 5]
    assert spec["title"] == "The 5 best times to meet"
    assert spec["description"].startswith("Bar chart of the 5 best times")
