"""The ``mobilisation`` command: reach, stalls and leads of innovations spreading."""

from __future__ import annotations

import argparse
from pathlib import Path

from plnlib.cli._common import add_min_group, check_suffix
from plnlib.io.files import write_csv, write_text_atomic
from plnlib.io.networks import load_network
from plnlib.io.planning import read_mobilisation
from plnlib.networks.metrics import node_metrics
from plnlib.planning.mobilisation import (
    mobilisers,
    parse_date,
    reach,
    stage_over_time,
    stalls,
)
from plnlib.pseudonyms import pseudonym_codes
from plnlib.web.planning import mobilisation_html

__all__ = ["add_parser"]


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``mobilisation`` subcommand."""
    p = subparsers.add_parser(
        "mobilisation",
        help="track innovations through schools and staff: reach, stalls, who leads (CSV or HTML)",
        description="Read tracker records (CSV or XLSX: innovation, school, stage, date, and "
        "optionally person, role, evidence, lead). Stages: engaging with it, trialling it with "
        "colleagues, refining and using it. Writes the share at each stage now (reach) as CSV, "
        "or a one-page report with a funnel, stages over time, stalls and leads. Staff appear "
        "as codes unless --names. With --by, a school or role with fewer staff than "
        "--min-group is hidden (and one more where needed); schools tracked as whole units "
        "are never hidden.",
    )
    p.add_argument("file", type=Path, help="the tracker records")
    p.add_argument("-o", "--output", required=True, type=Path, help="reach.csv or report.html")
    p.add_argument("--by", choices=("school", "role"), help="reach by school or by role too")
    p.add_argument(
        "--stall-days",
        type=int,
        default=60,
        help="days at engaging or trialling after which a unit counts as stalled (default 60)",
    )
    p.add_argument("--as-of", help="the date to judge stalls on (default: the latest record)")
    p.add_argument("--stalls", type=Path, metavar="FILE.csv", help="also write every stall as CSV")
    p.add_argument("--network", type=Path, help="an advice-network tie file, to link leads to it")
    p.add_argument("--nodes", type=Path, help="the network's people file (with --network)")
    p.add_argument(
        "--relation",
        help="the network's relation to use (default: advice; the latest wave is used)",
    )
    p.add_argument("--names", action="store_true", help="show staff and leads' names, not codes")
    add_min_group(p)
    p.set_defaults(func=_mobilisation, command_name="mobilisation")


def _mobilisation(args: argparse.Namespace) -> int:
    suffix = check_suffix(args.output, (".csv", ".html"))
    records = read_mobilisation(args.file)
    as_of = records["date"].max()
    if args.as_of:
        as_of = parse_date(args.as_of, where="--as-of")
    if not args.names and (records["level"] == "staff").any():
        codes = pseudonym_codes(records["unit"].tolist(), prefix="S")
        records = records.assign(unit=records["unit"].map(codes))
    table = reach(records, as_of=as_of)
    by_table = (
        reach(records, by=args.by, as_of=as_of, min_group=args.min_group) if args.by else None
    )
    stalled = stalls(records, days=args.stall_days, as_of=as_of)
    if args.stalls:
        check_suffix(args.stalls, (".csv",), option="--stalls")
    people = None
    if args.network:
        net = load_network(args.network, args.nodes)
        relation = args.relation or ("advice" if "advice" in net.relations else net.relations[0])
        waves = [w for w in net.waves if w]
        net = net.select(relation=relation, wave=waves[-1] if len(waves) > 1 else None)
        people = node_metrics(net)
    leads = mobilisers(records, people)
    if not args.names:
        leads = leads.assign(
            lead=leads["lead"].map(pseudonym_codes(leads["lead"].tolist(), prefix="L"))
        )
    if suffix == ".csv":
        write_csv(args.output, by_table if by_table is not None else table)
    else:
        write_text_atomic(
            args.output,
            mobilisation_html(
                table,
                by_table,
                stage_over_time(records),
                stalled,
                leads,
                stall_days=args.stall_days,
                source=args.file.name,
                min_group=args.min_group,
            ),
        )
    if args.stalls:
        write_csv(args.stalls, stalled)
    level = records["level"].iloc[0]
    print(
        f"{records['innovation'].nunique()} innovations, {records['unit'].nunique()} "
        f"{'staff' if level == 'staff' else 'schools'}, {len(records)} records up to "
        f"{as_of.date().isoformat()}."
    )
    for innovation, group in table.groupby("innovation", sort=False):
        shares = ", ".join(f"{r.share:.0%} {r.stage}" for r in group.itertuples())
        print(f"  {innovation}: {shares}")
    print(f"stalled for more than {args.stall_days} days: {len(stalled)}")
    if people is not None and "in_network" in leads:
        print(f"leads found in the network: {int(leads['in_network'].sum())} of {len(leads)}")
    print(f"wrote {args.output}")
    return 0
