"""The ``network`` command: an advice-network report (HTML) and per-person measures (CSV).

``plnlib network EDGES [--nodes FILE] [--relation R] [--names] [--metrics FILE.csv] -o report.html``

EDGES is an edge list, a roster survey export or an adjacency matrix (CSV or
XLSX), or the word ``sample`` for the synthetic sample. Everything is
computed before anything is written, and each file is written all at once.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.cli._common import check_suffix
from plnlib.helpers import plural
from plnlib.io.networks import FORMATS, load_network
from plnlib.networks import analyse
from plnlib.report.exports import network_exports
from plnlib.report.networks import write_network_report
from plnlib.samples import is_sample, sample_path

__all__ = ["add_parser"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``network`` subcommand."""
    p = subparsers.add_parser(
        "network",
        help="map an advice network: a self-contained HTML report and per-person measures",
        description="Read who goes to whom (an edge list, a roster survey export or a square "
        "matrix, CSV or XLSX) and write a report that opens offline: size, density, "
        "reciprocity, brokers, E-I index, brokerage roles, communities, and the PLN questions "
        "in plain words. People appear as stable codes unless you ask for names.",
        epilog="Example: plnlib network ties.csv --nodes people.csv -o report.html",
    )
    p.add_argument(
        "edges", metavar="EDGES", help="the ties file, or 'sample' for the synthetic sample"
    )
    p.add_argument(
        "--nodes", type=Path, metavar="FILE", help="people file: id, school, role, pln_member, ..."
    )
    p.add_argument(
        "--relation", metavar="R", help="relation to analyse (default: advice, or the first)"
    )
    p.add_argument("--wave", metavar="W", help="wave to analyse (default: the last)")
    p.add_argument("--names", action="store_true", help="show names instead of codes")
    p.add_argument(
        "--key", metavar="KEY", help="a secret passphrase for the codes (keep it to yourself)"
    )
    p.add_argument(
        "--metrics",
        type=Path,
        metavar="FILE.csv",
        help="also write per-person measures to FILE.csv",
    )
    p.add_argument(
        "--export",
        type=Path,
        metavar="FILE",
        help="also write the network for other tools: FILE.gexf (Gephi) or FILE.graphml",
    )
    p.add_argument(
        "--figures", type=Path, metavar="DIR", help="also write every chart as PNG, SVG and text"
    )
    p.add_argument(
        "--xlsx", type=Path, metavar="FILE.xlsx", help="also write the numbers as an Excel workbook"
    )
    p.add_argument("--format", choices=FORMATS, default="auto", help="format of the ties file")
    p.add_argument(
        "--respondent",
        metavar="COLUMN",
        help="roster exports: the column naming the respondent (default: 'Your name', 'Name', "
        "..., then 'Email address')",
    )
    p.add_argument(
        "--school",
        metavar="COLUMN",
        help="Google Forms grids: the column of each respondent's school (default: found by name)",
    )
    p.add_argument(
        "--grid-cells",
        choices=("auto", "frequency", "checkbox"),
        default="auto",
        help="Google Forms grids: cells say how often (a multiple-choice grid) or which "
        "relations were ticked (a checkbox grid); default: told from the cells",
    )
    p.add_argument("--self-ties", choices=("drop", "error"), default="drop", help="ties to oneself")
    p.add_argument(
        "--duplicates",
        choices=("merge", "sum", "error"),
        default="merge",
        help="the same tie twice: keep the strongest, add the strengths, or stop",
    )
    p.add_argument(
        "--unknown",
        choices=("add", "drop", "error"),
        default="add",
        help="names not in the nodes file: add them, leave their ties out, or stop",
    )
    p.add_argument("--title", default="Advice network report", help="the report's title")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="report.html",
        help="where to write the HTML",
    )
    p.set_defaults(func=_network, command_name="network")


def _network(args: argparse.Namespace) -> int:
    check_suffix(args.output, (".html",))
    if args.metrics is not None:
        check_suffix(args.metrics, (".csv",), option="--metrics")
    edges, nodes = args.edges, args.nodes
    if str(edges).strip().casefold() == "sample":
        nodes_path, edges_path = sample_path("network_nodes.csv"), sample_path("network_edges.csv")
        edges, nodes = edges_path, nodes or nodes_path
    synthetic = is_sample(edges)
    notes: list[str] = []
    net = load_network(
        edges,
        nodes,
        format=args.format,
        relation=args.relation or "advice",
        respondent=args.respondent,
        self_ties=args.self_ties,
        duplicates=args.duplicates,
        unknown=args.unknown,
        school=args.school,
        grid_cells=args.grid_cells,
        notes=notes,
    )
    shown = net if args.names else net.pseudonymise(key=args.key)
    result = analyse(shown, relation=args.relation, wave=args.wave)
    sources = Path(edges).name + (f" and {Path(nodes).name}" if nodes else "")
    # every export is made in memory and its path checked before anything is written
    exports = network_exports(
        shown,
        result,
        export=args.export,
        figures=args.figures,
        workbook=args.xlsx,
        names=args.names,
        synthetic=synthetic,
        source=sources,
    )
    write_network_report(
        args.output,
        shown,
        metrics=args.metrics,
        analysis=result,
        names=args.names,
        key=args.key,
        synthetic=synthetic,
        title=args.title,
        source=sources,
    )
    layer = plural(result.summary.ties, f"{result.relation} tie") + (
        f" in wave {result.wave}" if result.wave else ""
    )
    print(f"wrote {args.output} ({plural(result.summary.people, 'person', 'people')}, {layer})")
    if args.metrics is not None:
        print(f"wrote {args.metrics} ({plural(len(result.people), 'person', 'people')})")
    for line in exports.write():
        print(line)
    for note in notes:
        print(f"note: {note}")
    if len(net.relations) > 1:
        listed = ", ".join(repr(r) for r in net.relations)
        print(f"note: relations in the file: {listed}; choose one with --relation")
    for issue in net.report.issues:  # kinds and rows only: never a name or an e-mail address
        print(f"note: {issue.kind}: {plural(max(len(issue.rows), 1), 'row')}, {issue.action}")
    if synthetic:
        print("note: the sample is synthetic data; the report says so")
    return 0
