"""Everything ``plnlib network`` and ``plnlib report`` export, made before anything is written.

:func:`network_exports` and :func:`monitoring_exports` check every path and
make every file in memory; :meth:`Exports.write` then writes each file all at
once (:mod:`plnlib.io.files`) and returns one line per file for the command to
print. A bad file name or a missing folder stops the command before any file
is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from plnlib.checklists import Checklist
from plnlib.errors import DataError
from plnlib.io.files import write_output
from plnlib.io.network_exports import check_export_path, export_graph, network_export_bytes
from plnlib.io.workbook import check_workbook_path, workbook_bytes
from plnlib.monitoring import Monitoring
from plnlib.networks import Network, NetworkAnalysis
from plnlib.report.deck import check_deck_path, monitoring_deck
from plnlib.report.figures import (
    Picture,
    check_figures_folder,
    figure_files,
    monitoring_figures,
    network_figures,
    render,
)
from plnlib.report.workbooks import (
    monitoring_about,
    monitoring_sheets,
    network_about,
    network_sheets,
)

__all__ = ["Exports", "monitoring_exports", "network_exports"]


@dataclass
class Exports:
    """Files made in memory, waiting to be written: (path, bytes) and a line for each group."""

    files: list[tuple[Path, bytes]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)

    def add(self, path: Path, data: bytes, line: str) -> None:
        self.files.append((path, data))
        self.lines.append(line)

    def add_pictures(self, folder: Path, pictures: list[Picture]) -> None:
        self.folders.append(folder)
        files = figure_files(pictures)
        self.files += [(folder / name, data) for name, data in files.items()]
        size = sum(len(d) for d in files.values()) / 1_000_000
        self.lines.append(
            f"wrote {len(files)} files to {folder} ({len(pictures)} charts as PNG, SVG and "
            f"text alternative, {size:.1f} MB)"
        )

    def write(self) -> list[str]:
        """Write every file (each all at once) and return the lines to print."""
        for folder in self.folders:
            folder.mkdir(exist_ok=True)
        for path, data in self.files:
            write_output(path, data)
        return list(self.lines)


def _check_folder(path: Path, option: str) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DataError(
            "expected an existing folder to write into, found none",
            where=f"{option} {path}",
            fix="Create the folder first, or choose another path.",
        )
    return path


def network_exports(
    net: Network,
    analysis: NetworkAnalysis,
    *,
    export: Path | None = None,
    figures: Path | None = None,
    workbook: Path | None = None,
    names: bool = False,
    synthetic: bool = False,
    source: str = "",
) -> Exports:
    """Make the network's exports: GEXF/GraphML, pictures of the charts, an XLSX workbook.

    ``net`` and ``analysis`` are as shown in the report (pseudonymised unless ``names``).
    """
    fmt = check_export_path(export) if export is not None else None
    if export is not None:
        _check_folder(export, "--export")
    if figures is not None:
        check_figures_folder(figures)
    if workbook is not None:
        _check_folder(check_workbook_path(workbook), "--xlsx")
    out = Exports()
    if export is not None and fmt is not None:
        data = network_export_bytes(export_graph(net, analysis), fmt)
        kind = "GEXF, for Gephi" if fmt == "gexf" else "GraphML"
        out.add(
            export, data, f"wrote {export} ({len(net.nodes)} people, {len(net.edges)} ties; {kind})"
        )
    if figures is not None:
        pictures = [render(f) for f in network_figures(net, analysis, names=names)]
        out.add_pictures(figures, pictures)
    if workbook is not None:
        sheets = network_sheets(net, analysis, names=names)
        about = network_about(analysis, names=names, synthetic=synthetic, source=source)
        data = workbook_bytes(sheets, about=about, title="Advice network: numbers")
        out.add(workbook, data, f"wrote {workbook} ({len(sheets) + 1} sheets)")
    return out


def monitoring_exports(
    result: Monitoring,
    checklist: Checklist,
    *,
    deck: Path | None = None,
    figures: Path | None = None,
    workbook: Path | None = None,
    title: str | None = None,
    source: str = "",
) -> Exports:
    """Make the monitoring report's exports: a PPTX deck, pictures, an XLSX workbook."""
    if deck is not None:
        _check_folder(check_deck_path(deck), "-o/--output")
    if figures is not None:
        check_figures_folder(figures)
    if workbook is not None:
        _check_folder(check_workbook_path(workbook), "--xlsx")
    out = Exports()
    pictures = None
    if deck is not None or figures is not None:
        pictures = [render(f) for f in monitoring_figures(result, checklist)]
    if deck is not None:
        data = monitoring_deck(result, checklist, title=title, source=source, pictures=pictures)
        out.add(deck, data, f"wrote the deck to {deck} ({len(data) / 1_000_000:.1f} MB)")
    if figures is not None and pictures is not None:
        out.add_pictures(figures, pictures)
    if workbook is not None:
        sheets = monitoring_sheets(result)
        about = monitoring_about(result, checklist_title=checklist.title, source=source)
        data = workbook_bytes(sheets, about=about, title=f"{checklist.title}: numbers")
        out.add(workbook, data, f"wrote {workbook} ({len(sheets) + 1} sheets)")
    return out
