"""The store's modules depend one way: the file format ← versions ← session, with no cycle
and no import tucked inside a function to hide one."""

from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "app" / "store"


def store_imports(path: Path) -> tuple[set[str], list[str]]:
    """The store modules `path` imports, and those it imports inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    hidden: list[str] = []
    nested = {id(node) for function in ast.walk(tree)
              if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
              for node in ast.walk(function)}
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                names = [node.module] if node.module else [a.name for a in node.names]
            elif node.module and node.module.startswith("app.store"):
                rest = node.module.removeprefix("app.store").lstrip(".")
                names = [rest] if rest else [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.removeprefix("app.store.") for a in node.names
                     if a.name.startswith("app.store.")]
        names = [name.split(".")[0] for name in names if (STORE / f"{name}.py").exists()]
        found.update(names)
        if id(node) in nested:
            hidden += names
    return found - {path.stem}, hidden


def graph() -> dict[str, set[str]]:
    return {path.stem: store_imports(path)[0] for path in STORE.glob("*.py")
            if path.stem != "__init__"}


def test_no_store_module_imports_another_inside_a_function():
    hidden = {path.stem: store_imports(path)[1] for path in STORE.glob("*.py")}
    assert {name: found for name, found in hidden.items() if found} == {}


def test_the_store_has_no_import_cycle():
    edges = graph()
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in sorted(edges.get(name, ())):
            if state.get(other) == "open":
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def reaches(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for other in edges.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def test_file_format_then_versions_then_session():
    edges = graph()
    assert {"versions", "session"}.isdisjoint(reaches(edges, "draft_file"))
    assert "session" not in reaches(edges, "versions")
    assert "draft_file" in reaches(edges, "versions")
    assert {"draft_file", "versions"} <= reaches(edges, "session")
