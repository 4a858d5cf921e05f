"""Advice-network measures: plnlib against a plain networkx script, side by side.

Run with ``python -m benchmarks networks`` (add ``--people N --ties M`` to try
other sizes). Targets (issue 5):

- 38 people: all measures in under 0.2 seconds;
- 10,000 people and 100,000 ties: all measures, exact betweenness included, in
  under 20 seconds and at least 5 times faster than networkx computing the
  same values.

Exact betweenness dominates: plnlib runs igraph's in one process per processor
(``plnlib.networks.betweenness``), so the time depends on how many processors
are free; the load printed before the run helps read the figure. networkx takes
about twenty minutes at district scale.

The whole ``plnlib network`` command is timed too, at district scale (200
schools): from reading the files to the report and metrics written, with the
report's size (target under 5 MB) and how long Chromium takes to open it (the
``load`` event, and the page's height), when Playwright and Chromium are here.
``--command-only`` runs just that part.

Both sides start from the same tables (people; ties with relation and wave)
and compute: size, density, reciprocity, components, isolates, in- and
out-degree, directed normalised betweenness, k-cores, Louvain communities and
modularity, ego networks, E-I index by school, Gould-Fernandez brokerage
roles, the three PLN questions, the overlap of advice and information, and
the change between two waves. The results are then checked to match.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from plnlib.io.networks import load_network
from plnlib.networks import analyse, build_network
from plnlib.samples import district_network, sample_network

SMALL_TARGET = 0.2
LARGE_TARGET = 20.0
SPEEDUP_TARGET = 5.0
REPORT_MB_TARGET = 5.0
CHROMIUM = "/usr/bin/chromium"


def _plnlib(nodes: pd.DataFrame, edges: pd.DataFrame) -> Any:
    net = build_network(edges, nodes)
    return net, analyse(net)


def _networkx(nodes: pd.DataFrame, edges: pd.DataFrame, relation: str, wave: str) -> dict:
    """A plain networkx script computing the same values as plnlib's ``analyse``."""
    people = list(nodes["id"])
    school = dict(zip(nodes["id"], nodes["school"], strict=True))
    role = dict(zip(nodes["id"], nodes["role"], strict=True))
    member = dict(zip(nodes["id"], nodes["pln_member"].str.lower() == "yes", strict=True))

    def graph(rel: str, w: str) -> nx.DiGraph:
        g = nx.DiGraph()
        g.add_nodes_from(people)
        sel = edges[(edges["relation"] == rel) & (edges["wave"].astype(str) == w)]
        g.add_edges_from(zip(sel["source"], sel["target"], strict=True))
        return g

    g = graph(relation, wave)
    u = g.to_undirected()
    n, m = g.number_of_nodes(), g.number_of_edges()
    out: dict[str, Any] = {
        "people": n,
        "ties": m,
        "density": nx.density(g),
        "reciprocity": nx.overall_reciprocity(g),
        "weak_components": nx.number_weakly_connected_components(g),
        "strong_components": nx.number_strongly_connected_components(g),
        "largest_component": max(len(c) for c in nx.weakly_connected_components(g)),
        "isolates": sorted(nx.isolates(g)),
        "in_degree": dict(g.in_degree()),
        "out_degree": dict(g.out_degree()),
        "betweenness": nx.betweenness_centrality(g, normalized=True),
        "coreness": nx.core_number(u),
        "clustering": nx.clustering(u),
    }
    louvain = nx.community.louvain_communities(u, seed=1)
    out["louvain_modularity"] = nx.community.modularity(u, louvain)
    out["modularity_of"] = lambda parts: nx.community.modularity(u, parts)
    internal = sum(school[a] == school[b] for a, b in g.edges)
    out["ei"] = (m - 2 * internal) / m
    roles: dict[str, Counter] = defaultdict(Counter)
    for b in g:
        for a in g.predecessors(b):
            for c in g.successors(b):
                if a == c or g.has_edge(a, c):
                    continue
                sa, sb, sc = school[a], school[b], school[c]
                if sa == sb == sc:
                    roles[b]["coordinator"] += 1
                elif sa == sc:
                    roles[b]["itinerant"] += 1
                elif sa == sb:
                    roles[b]["representative"] += 1
                elif sb == sc:
                    roles[b]["gatekeeper"] += 1
                else:
                    roles[b]["liaison"] += 1
    out["brokerage"] = roles
    # the PLN questions
    in_school = Counter(b for a, b in g.edges if school[a] == school[b])
    by_school = defaultdict(list)
    for p in people:
        by_school[school[p]].append(in_school[p])
    central = 0
    for p in people:
        if member[p]:
            rank = 1 + sum(v > in_school[p] for v in by_school[school[p]])
            central += in_school[p] > 0 and rank <= math.ceil(len(by_school[school[p]]) / 3)
    out["central_members"] = central
    pair_ties = defaultdict(list)
    for a, b in g.edges:
        if school[a] != school[b]:
            pair_ties[tuple(sorted((school[a], school[b])))].append((a, b))
    out["fragile_pairs"] = sum(
        1
        for ties in pair_ties.values()
        if len({p for t in ties for p in t}) == 2 or set(ties[0]).intersection(*map(set, ties[1:]))
    )
    across = {p: sum(v for k, v in roles[p].items() if k != "coordinator") for p in people}
    k = max(1, math.ceil(n * 0.25))
    cut_b = sorted(out["betweenness"].values(), reverse=True)[k - 1]
    cut_a = sorted(across.values(), reverse=True)[k - 1]
    brokers = [
        p
        for p in people
        if (out["betweenness"][p] > 0 and out["betweenness"][p] >= cut_b)
        or (across[p] > 0 and across[p] >= cut_a)
    ]
    out["informal_brokers"] = sum(role[p] == "teacher" for p in brokers)
    # overlap with the other relation in this wave, change from the first wave
    info = set(graph("information", wave).edges)
    first = set(graph(relation, "1").edges)
    now = set(g.edges)
    out["overlap"] = (len(now & info), len(now - info), len(info - now))
    out["change"] = (len(first & now), len(now - first), len(first - now))
    return out


def _check(result: Any, nxr: dict) -> list[str]:
    """The differences between plnlib's and networkx's results (empty when all match)."""
    people = result.people.set_index("node")
    s = result.summary
    problems = []

    def same(name: str, ok: bool) -> None:
        if not ok:
            problems.append(name)

    for key in ("people", "ties", "weak_components", "strong_components", "largest_component"):
        same(key, getattr(s, key) == nxr[key])
    same("density", math.isclose(s.density, nxr["density"], rel_tol=1e-12))
    same("reciprocity", math.isclose(s.reciprocity, nxr["reciprocity"], rel_tol=1e-12))
    same("isolates", sorted(s.isolates) == nxr["isolates"])
    for key in ("in_degree", "out_degree", "coreness"):
        same(key, all(people.at[p, key] == v for p, v in nxr[key].items()))
    same(
        "betweenness",
        np.allclose(
            people.loc[list(nxr["betweenness"]), "betweenness"],
            list(nxr["betweenness"].values()),
            rtol=1e-9,
            atol=1e-12,
        ),
    )
    same(
        "ego density",
        np.allclose(
            people.loc[list(nxr["clustering"]), "ego_density"].fillna(0.0),
            list(nxr["clustering"].values()),
        ),
    )
    parts = result.communities.membership.groupby("community")["node"].apply(set).tolist()
    same(
        "modularity",
        math.isclose(result.communities.modularity, nxr["modularity_of"](parts), rel_tol=1e-9),
    )
    same("E-I index", math.isclose(result.ei.index, nxr["ei"], rel_tol=1e-12))
    for r in ("coordinator", "itinerant", "representative", "gatekeeper", "liaison"):
        same(r, all(people.at[p, r] == nxr["brokerage"][p][r] for p in people.index))
    a1, a2, a3 = result.answers
    same("central members", int(a1.details["central"].sum()) == nxr["central_members"])
    same("fragile pairs", (a2.details["only_through"] != "").sum() == nxr["fragile_pairs"])
    informal = (~a3.details["formal_role"]).sum() if "formal_role" in a3.details else -1
    same("informal brokers", int(informal) == nxr["informal_brokers"])
    o, c = result.overlap, result.change
    same("overlap", (o.both, o.only_first, o.only_second) == nxr["overlap"])
    same("change", (c.kept, c.gained, c.lost) == nxr["change"])
    return problems


def _tables(net: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = net.nodes.rename(columns={"node": "id"}).copy()
    nodes["pln_member"] = np.where(nodes["pln_member"].fillna(False), "yes", "no")
    return nodes, net.edges.copy()


def _best(func: Any, repeats: int) -> tuple[float, Any]:
    best, value = math.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        value = func()
        best = min(best, time.perf_counter() - start)
    return best, value


def _open_in_chromium(page: Any) -> str:
    """Seconds to Chromium's ``load`` event and the page height, at 1280 and 390 px wide."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright is not installed: pip install playwright"
    if not os.path.exists(CHROMIUM):
        return f"no Chromium at {CHROMIUM}"
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in (1280, 390):
            tab = browser.new_page(viewport={"width": width, "height": 900})
            start = time.perf_counter()
            tab.goto(page.resolve().as_uri(), wait_until="load")
            loaded = time.perf_counter() - start
            tab.wait_for_function(
                "document.querySelectorAll('.pln-chart-view svg, .pln-chart-view canvas').length"
                " >= document.querySelectorAll('.pln-chart-view').length",
                timeout=60_000,
            )
            drawn = time.perf_counter() - start
            height = tab.evaluate("document.documentElement.scrollHeight")
            out.append(
                f"{width} px: load {loaded:.1f} s, charts drawn {drawn:.1f} s, {height:,} px tall"
            )
            tab.close()
        browser.close()
    return "; ".join(out)


def whole_command(people: int, ties: int, schools: int) -> None:
    """Time ``plnlib network`` on a district written to CSV files, and open its report."""
    from pathlib import Path

    net = district_network(people, ties, schools=schools)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        nodes, edges = _tables(net)
        nodes.to_csv(folder / "people.csv", index=False)
        edges.to_csv(folder / "ties.csv", index=False)
        print(
            f"plnlib network, whole command: {people:,} people in {schools} schools, "
            f"{ties:,} advice ties (CSV files)"
        )
        start = time.perf_counter()
        load_network(folder / "ties.csv", folder / "people.csv")
        print(f"  reading the files: {time.perf_counter() - start:.1f} s", flush=True)
        report, metrics = folder / "report.html", folder / "metrics.csv"
        command = [sys.executable, "-m", "plnlib.cli", "network", str(folder / "ties.csv")]
        command += ["--nodes", str(folder / "people.csv"), "--metrics", str(metrics)]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
        start = time.perf_counter()
        done = subprocess.run([*command, "-o", str(report)], capture_output=True, text=True)
        took = time.perf_counter() - start
        if done.returncode != 0:
            print(f"  FAILED (exit {done.returncode}): {done.stderr.strip()[-500:]}")
            return
        size = report.stat().st_size / 1_000_000
        print(
            f"  whole command (start-up, read, analyse, charts, report, write): {took:.1f} s "
            f"(load before: {load:.1f})"
        )
        print(
            f"  report: {size:.2f} MB (target < {REPORT_MB_TARGET:.0f} MB); "
            f"metrics: {metrics.stat().st_size / 1_000_000:.2f} MB"
        )
        print(f"  Chromium: {_open_in_chromium(report)}", flush=True)


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures of both sizes."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks networks")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--schools", type=int, default=200)
    parser.add_argument(
        "--command-only", action="store_true", help="only time the whole plnlib network command"
    )
    args = parser.parse_args(argv or [])
    whole_command(args.people, args.ties, args.schools)
    if args.command_only:
        return

    nodes, edges = _tables(sample_network())
    t_small, (_, small) = _best(lambda: _plnlib(nodes, edges), 5)
    t_small_nx, small_nx = _best(lambda: _networkx(nodes, edges, "advice", "2"), 3)
    problems = _check(small, small_nx)
    print(f"38 people, {small.summary.ties} advice ties (synthetic sample, wave 2)")
    print(f"  plnlib   all measures: {t_small:.3f} s (target < {SMALL_TARGET} s)")
    print(f"  networkx all measures: {t_small_nx:.3f} s")
    print(f"  results match: {'yes' if not problems else 'NO: ' + ', '.join(problems)}")

    start = time.perf_counter()
    district = district_network(args.people, args.ties, layers=True)
    nodes, edges = _tables(district)
    made = time.perf_counter() - start
    print(
        f"{args.people:,} people, {args.ties:,} advice ties per wave (synthetic district, "
        f"{len(edges):,} ties in all; made in {made:.1f} s)"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else math.nan
    print(f"  {os.cpu_count()} processors; load before plnlib runs: {load:.1f}", flush=True)
    start = time.perf_counter()
    _, large = _plnlib(nodes, edges)
    t_large = time.perf_counter() - start
    print(f"  plnlib   all measures: {t_large:.1f} s (target < {LARGE_TARGET:.0f} s)", flush=True)
    start = time.perf_counter()
    large_nx = _networkx(nodes, edges, "advice", "2")
    t_large_nx = time.perf_counter() - start
    speedup = t_large_nx / t_large
    problems = _check(large, large_nx)
    parts = large.communities.membership.groupby("community")["node"].apply(set).tolist()
    print(f"  networkx all measures: {t_large_nx:.1f} s")
    print(f"  speed-up: {speedup:.1f}x (target >= {SPEEDUP_TARGET:.0f}x)")
    print(f"  results match: {'yes' if not problems else 'NO: ' + ', '.join(problems)}")
    print(
        f"  modularity: plnlib (igraph Louvain) {large.communities.modularity:.4f}, "
        f"networkx Louvain {large_nx['louvain_modularity']:.4f} "
        f"(networkx on plnlib's communities: {large_nx['modularity_of'](parts):.4f})"
    )
    verdict = (
        t_small < SMALL_TARGET
        and t_large < LARGE_TARGET
        and speedup >= SPEEDUP_TARGET
        and not problems
    )
    print(f"  targets met: {'yes' if verdict else 'no'}")


if __name__ == "__main__":
    main(sys.argv[1:])
