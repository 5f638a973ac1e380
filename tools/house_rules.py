"""The house rules of DESIGN.md's layer table, checked on the source (CI runs this; so does a test).

    python tools/house_rules.py            # exit 1 and one line per violation
    python tools/house_rules.py --root D   # another checkout

Every import counts: module level, inside functions, under TYPE_CHECKING.
1. `app/services` and `app/models` never import PySide6, shiboken6, `app.ui`, `app.cli` or
   `app.bootstrap`; `app/models` never imports `app.services`.
2. `app/bootstrap.py` never imports `app.ui` or `app.cli`.
3. `app/cli` never imports `app.ui`, except the GUI entry point `app.ui.shell.main` from
   `app/cli/__init__.py` (it opens the window, or runs the self-test that draws it).
4. No import circle between packages: files import each other in a circle only inside one
   package (a folder), never across folders.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

QT = ("PySide6", "shiboken6")
GUI_ENTRY = {"app.cli": ("app.ui.shell.main",)}


def modules(root: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for path in sorted((root / "app").rglob("*.py")):
        rel = path.relative_to(root)
        if "migrations" in rel.parts:
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def imports_of(name: str, path: Path, known: dict[str, Path]) -> Iterator[str]:
    """Every module `name` imports (absolute names; a `from X import y` that names a module yields X.y)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                full = f"{target}.{alias.name}"
                yield full if full in known else target


def package_of(name: str, known: dict[str, Path]) -> str:
    return name if known[name].name == "__init__.py" else name.rpartition(".")[0]


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    out = []
    for source, targets in sorted(graph.items()):
        for target in sorted(targets):
            if _under(source, "app.services") or _under(source, "app.models"):
                banned = [*QT, "app.ui", "app.cli", "app.bootstrap"]
                if _under(source, "app.models"):
                    banned.append("app.services")
                hit = next((b for b in banned if _under(target, b)), None)
                if hit:
                    out.append(f"layer: {source} imports {target} ({source.split('.')[1]} never imports {hit})")
            elif source == "app.bootstrap" and (_under(target, "app.ui") or _under(target, "app.cli")):
                out.append(f"layer: {source} imports {target} (the composition root serves the UI and the CLI)")
            elif (
                _under(source, "app.cli") and _under(target, "app.ui") and target not in GUI_ENTRY.get(source, ())
            ):
                out.append(f"layer: {source} imports {target} (the CLI imports the UI only to open the window)")
    return out


def package_cycles(graph: dict[str, set[str]], known: dict[str, Path]) -> list[str]:
    """Circles in the graph of packages (an edge: a file of one imports a file of another)."""
    edges: dict[str, set[str]] = defaultdict(set)
    why: dict[tuple[str, str], str] = {}
    for source, targets in graph.items():
        for target in targets:
            if target not in known:
                continue
            a, b = package_of(source, known), package_of(target, known)
            if a != b and not _under(b, a):  # a package may use its own subpackages
                edges[a].add(b)
                why.setdefault((a, b), f"{source} → {target}")
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    out = []
    for comp in found:
        links = [why[(a, b)] for a in comp for b in comp if (a, b) in why]
        out.append(f"circle between packages {', '.join(comp)}: " + "; ".join(links))
    return out


def check(root: Path) -> list[str]:
    known = modules(root)
    graph = {name: set(imports_of(name, path, known)) for name, path in known.items()}
    return layer_violations(graph) + package_cycles(graph, known)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()
    problems = check(args.root)
    for line in problems:
        print(line)
    print(f"house rules: {len(problems)} violation(s) in {len(modules(args.root))} modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
