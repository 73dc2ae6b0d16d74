"""``courseforge schema``: write the quiz JSON Schema into the course.

Editors validate quizzes against ``schema/quiz-v1.schema.json`` (named on the
first line of each quiz file); this command regenerates it from the code, so
run it after upgrading courseforge. ``--check`` only compares.
"""

from __future__ import annotations

import argparse

from ..fsutil import write_atomic
from ..project import find_project
from ..quiz.schema import schema_text
from ..quiz.spec import SCHEMA_ID

HELP = "write the quiz format's JSON Schema to schema/quiz-v1.schema.json (used by editors)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="only check that the course's copy is up to date (exit status 1 if not)")


def run(args: argparse.Namespace) -> int:
    project = find_project(args.course)
    target = project.root / "schema" / SCHEMA_ID
    text = schema_text()
    current = target.read_text(encoding="utf-8") if target.is_file() else None
    rel = project.rel(target)
    if args.check:
        if current == text:
            print(f"{rel} is up to date")
            return 0
        print(f"{rel}: {'missing' if current is None else 'out of date'}; run 'courseforge schema' to write it")
        return 1
    if current == text:
        print(f"{rel} is already up to date")
        return 0
    write_atomic(target, text)
    print(f"wrote {rel}")
    return 0
