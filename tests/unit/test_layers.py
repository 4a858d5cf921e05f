"""The layering rule, read from the path alone (no exemption list).

A module's layer is the first part of its path inside ``plnlib/``: ``io/``,
``samples/``, ``charts/``, ``web/``, ``report/``, ``widgets.py``, ``cli/``; the
package's own ``__init__.py`` is the public API; everything else is core.
Layers point one way (outer -> inner). The tests also fail when a module imports
a private name (``_name``) from another file, when a private module is imported
from outside its own package, when two modules import each other (directly or in
a longer cycle), and when a module of a domain package is private or has no
``__all__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PKG = Path(__file__).resolve().parents[2] / "plnlib"

#: Which layers each layer may import (core is always allowed).
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "io": {"core", "io"},
    "samples": {"core", "io", "samples"},
    "charts": {"core", "charts"},
    "web": {"core", "io", "charts", "web"},
    "report": {"core", "io", "charts", "web", "report"},
    "widgets": {"core", "io", "charts", "web", "report", "samples", "widgets"},
    "cli": {"core", "io", "samples", "charts", "web", "report", "cli"},
    "api": {"core", "io", "samples", "charts", "web", "report", "widgets", "cli", "api"},
}
OUTER_DIRS = {"io", "samples", "charts", "web", "report", "cli"}
DATA_DIRS = {"content", "assets"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The layer of a dotted plnlib module name, from its path alone."""
    parts = module.split(".")[1:]
    if not parts:
        return "api"
    if parts[0] in OUTER_DIRS:
        return parts[0]
    if parts[0] == "widgets":
        return "widgets"
    return "core"


def _modules() -> dict[str, Path]:
    return {
        _module_name(p): p
        for p in sorted(PKG.rglob("*.py"))
        if not (set(p.relative_to(PKG).parts) & DATA_DIRS)
    }


MODULES = _modules()


def _resolve(name: str) -> str:
    """The plnlib module a dotted name refers to (a module, or the module holding a name)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for sub in node.body:
                lines.update(range(sub.lineno, (sub.end_lineno or sub.lineno) + 1))
    return lines


def imports(module: str) -> list[tuple[str, str, int]]:
    """(imported plnlib module, imported name or '', line) for every import in a module."""
    tree = ast.parse(MODULES[module].read_text())
    skip = _type_checking_lines(tree)
    out: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, "", node.lineno) for a in node.names if a.name.startswith("plnlib")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plnlib"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in MODULES:  # "from plnlib.io import tables" imports a module
                    out.append((sub, "", node.lineno))
                else:
                    out.append((node.module, alias.name, node.lineno))
    return out


def test_the_layers_are_read_from_the_path():
    assert layer_of("plnlib.checklists.scoring") == "core"
    assert layer_of("plnlib.web.sphinx") == "web"
    assert layer_of("plnlib.widgets") == "widgets"
    assert layer_of("plnlib.samples.networks") == "samples"
    assert layer_of("plnlib") == "api"
    layers = {layer_of(m) for m in MODULES}
    assert layers == set(ALLOWED), f"layers found: {sorted(layers)}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layers_point_one_way(module):
    here = layer_of(module)
    wrong = [
        f"line {line}: {target} ({layer_of(_resolve(target))})"
        for target, _, line in imports(module)
        if _resolve(target) and layer_of(_resolve(target)) not in ALLOWED[here]
    ]
    assert not wrong, f"{module} ({here}) imports an outer layer: {wrong}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_name_is_imported_from_another_file(module):
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    wrong = []
    for target, name, line in imports(module):
        if name.startswith("_") and not name.startswith("__"):
            wrong.append(f"line {line}: {name} from {target}")
        private = [p for p in target.split(".") if p.startswith("_") and not p.startswith("__")]
        if private and target.rpartition(".")[0] != package:
            wrong.append(f"line {line}: private module {target}")
    assert not wrong, f"{module} imports private names from other files: {wrong}"


def test_no_import_cycles():
    graph = nx.DiGraph()
    for module in MODULES:
        graph.add_node(module)
        for target, _, _ in imports(module):
            resolved = _resolve(target)
            # a package's __init__ importing its own submodules is how packages work
            if resolved and resolved != module and not resolved.startswith(module + "."):
                graph.add_edge(module, resolved)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"modules that import each other: {cycles[:5]}"


DOMAINS = ("checklists", "monitoring", "networks", "samples", "io", "charts", "web", "report")


@pytest.mark.parametrize("domain", DOMAINS)
def test_domain_packages_have_public_modules_with_all(domain):
    folder = PKG / domain
    assert folder.is_dir(), f"plnlib/{domain}/ is missing"
    for path in folder.glob("*.py"):
        assert not path.name.startswith("_") or path.name == "__init__.py", (
            f"plnlib/{domain}/{path.name}: modules of a domain package are public topic modules"
        )
        tree = ast.parse(path.read_text())
        names = {
            t.id
            for node in tree.body
            if isinstance(node, (ast.Assign, ast.AnnAssign))
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(t, ast.Name)
        }
        assert "__all__" in names, f"plnlib/{domain}/{path.name} declares no __all__"


def test_one_name_per_domain_in_every_layer():
    for layer in ("charts", "report", "cli"):
        names = {p.stem for p in (PKG / layer).glob("*.py")}
        assert "network" not in names, f"plnlib/{layer}/network.py: the domain is 'networks'"
    assert (PKG / "charts" / "networks.py").exists() and (PKG / "cli" / "networks.py").exists()


BANNED_CALLS = {
    "print",
    "open",
    "read_text",
    "write_text",
    "read_bytes",
    "write_bytes",
    "to_csv",
    "read_csv",
    "read_excel",
    "to_excel",
    "mkdir",
    "unlink",
}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if layer_of(m) == "core"))
def test_core_does_no_file_io_or_printing(module):
    for node in ast.walk(ast.parse(MODULES[module].read_text())):
        if isinstance(node, ast.Call):
            f = node.func
            name = (
                f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            )
            assert name not in BANNED_CALLS, f"{module}:{node.lineno} calls {name}()"


def test_the_checks_catch_what_they_look_for(tmp_path, monkeypatch):
    """The rule checkers find a planted outer import, private import and cycle."""
    fake = {
        "plnlib.core_a": "from plnlib.charts.base import with_table\nfrom plnlib.core_b import _x\n",
        "plnlib.core_b": "import plnlib.core_a\n",
    }
    paths = {}
    for name, text in fake.items():
        p = tmp_path / f"{name.split('.')[-1]}.py"
        p.write_text(text)
        paths[name] = p
    monkeypatch.setitem(MODULES, "plnlib.core_a", paths["plnlib.core_a"])
    monkeypatch.setitem(MODULES, "plnlib.core_b", paths["plnlib.core_b"])
    with pytest.raises(AssertionError, match="outer layer"):
        test_layers_point_one_way("plnlib.core_a")
    with pytest.raises(AssertionError, match="private names"):
        test_no_private_name_is_imported_from_another_file("plnlib.core_a")
    with pytest.raises(AssertionError, match="import each other"):
        test_no_import_cycles()
