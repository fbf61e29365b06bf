"""The extension's folders are its rooms: each room imports only the rooms below it, and nothing imports in a circle.

The order is the one the rooms' ``__init__`` docstrings state ("May import: …"); a newcomer finds the
room of any behaviour from the folder names, and a change that reaches up a floor fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "extensions" / "annotated_edition"
#: Lowest first: a room may import the rooms before it.  witnesses and bibliography share a floor.
FLOORS = [
    {"core"},
    {"policy"},
    {"witnesses", "bibliography"},
    {"verdicts"},
    {"notes"},
    {"registries"},
    {"pages"},
    {"exports"},
    {"output"},
    {"cli"},
]
ROOMS = {room: level for level, rooms in enumerate(FLOORS) for room in rooms}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    assert len(found) > 40, "the extension's modules were not found"
    return found


def imports(name: str, path: Path) -> set[str]:
    """The extension's modules that *name* imports (relative or absolute, at any depth of the file)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            names = [alias.name for alias in node.names]
            found |= {".".join(target + [n]) for n in names} | {".".join(target)}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("annotated_edition"):
            found.add(node.module.removeprefix("annotated_edition").lstrip("."))
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {t for t in imports(name, path) if t in known and t != name} for name, path in known.items()}


def room(module: str) -> str | None:
    return module.split(".")[0] if "." in module or module in ROOMS else None


def test_every_room_is_a_folder_with_a_docstring() -> None:
    for name in ROOMS:
        init = PACKAGE / name / "__init__.py"
        assert init.is_file(), name
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "May import" in doc, f"{name}/__init__.py should say what the room owns and may import"
    top = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert top == set(), f"modules outside every room: {sorted(top)}"


def test_rooms_import_only_the_floors_below() -> None:
    wrong = []
    for module, targets in graph().items():
        here = room(module)
        if here is None:
            continue  # the package's own __init__ sets every room up
        for target in targets:
            there = room(target)
            if there is not None and there != here and ROOMS[there] >= ROOMS[here]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_module_imports_in_a_circle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt) :] + [nxt]) if nxt in path else nxt)
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert circles == []


def test_every_priority_is_named_in_the_one_table() -> None:
    """The order of processing is read in core/priorities.py, not pieced together from numbers in many files."""
    numbered = []
    for name, path in modules().items():
        if name == "core.priorities":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"default_priority\s*=\s*\d|priority\s*=\s*\d", line):
                numbered.append(f"{path.name}:{number}: {line.strip()}")
    assert numbered == []


def test_tests_of_the_extension_do_not_read_this_edition() -> None:
    """An editor adding a person or a paragraph to this edition must never break a test of the extension:
    those build tiny roots under tests/roots/; the edition's own content is tested in tests/edition/."""
    here = Path(__file__).parent
    edition = re.compile(r'REPO / "(docs|sources|bib)"|def \w+\([^)]*\bedition\b|"essays/essay-')
    found = [
        f"{path.name}:{number}"
        for path in sorted(here.glob("test_*.py"))
        if path != Path(__file__)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if edition.search(line)
    ]
    assert found == []
