"""Strings translated through a variable must be marked N_() where they are written.

`_(STATUS_NAMES[status])` translates at run time, but extraction only sees literals inside a
marker: a plain "open" in the table never reaches the catalog and stays English in Spanish.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO


def module_tables() -> dict[str, list[tuple[Path, ast.AST]]]:
    """Module-level `NAME = {…}` / `(…)` / `[…]` assignments in app/, by name."""
    tables: dict[str, list[tuple[Path, ast.AST]]] = {}
    for path in (REPO / "app").rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign) and node.value else [])
            value = node.value if targets else None
            if isinstance(value, (ast.Dict, ast.Tuple, ast.List)):
                for target in targets:
                    if isinstance(target, ast.Name):
                        tables.setdefault(target.id, []).append((path, value))
    return tables


def translated_tables() -> list[tuple[Path, str]]:
    """(file, table name) for every `_(TABLE[…])` or `_(TABLE.get(…))` in app/."""
    found = []
    for path in (REPO / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args):
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Subscript):
                arg = arg.value
            elif isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute):
                arg = arg.func.value
            if isinstance(arg, ast.Name):
                found.append((path, arg.id))
    return found


def bare_strings(table: ast.AST) -> list[str]:
    """Plain string literals among the table's values (dict values, tuple/list items)."""
    values = table.values if isinstance(table, ast.Dict) else table.elts
    return [value.value for value in values
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value]


def imported_from(path: Path, name: str) -> Path | None:
    """The app/ module a file imports `name` from (`from .x import NAME`, `from app.x import NAME`)."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == name for alias in node.names):
            base = path.parent
            for _up in range(node.level - 1):
                base = base.parent
            parts = (node.module or "").split(".") if node.module else []
            if node.level == 0:
                base, parts = REPO, parts
            target = base.joinpath(*parts)
            for candidate in (target.with_suffix(".py"), target / "__init__.py"):
                if candidate.exists():
                    return candidate
    return None


def test_tables_translated_through_a_variable_are_marked():
    tables = module_tables()
    checked, unmarked = 0, []
    for path, name in translated_tables():
        home = path if any(where == path for where, _t in tables.get(name, [])) else imported_from(path, name)
        for where, table in tables.get(name, []):
            if where != home:
                continue
            checked += 1
            unmarked += [f"{where.relative_to(REPO)}: {name} holds {text!r} without N_()"
                         for text in bare_strings(table)]
    assert checked >= 3  # STATUS_NAMES, KIND_NAMES, _FILTER_LABELS, … are really looked at
    assert not unmarked, "\n".join(sorted(set(unmarked)))
