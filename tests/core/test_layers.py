"""The core does not depend on MkDocs: only mkdocs_plugin/ and site/build.py (lazily, to drive a build) use it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "courseforge"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
    return names


def test_core_imports_nothing_from_the_adapter_and_mkdocs_only_where_it_drives_a_build():
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("mkdocs_plugin/"):
            continue
        for name in imported_modules(path):
            if "mkdocs_plugin" in name:
                offenders.append(f"{rel} imports {name}")
            if name.split(".")[0] == "mkdocs" and rel not in ("site/build.py", "commands/serve.py"):
                offenders.append(f"{rel} imports {name}")
    assert not offenders, offenders
