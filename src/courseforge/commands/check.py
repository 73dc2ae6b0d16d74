"""``courseforge check``: validate the whole course in one run, writing nothing (unless ``--accept``).

Prints every problem as ``path:line:col: message`` (sorted by file and line),
then one summary line. ``--accept`` first records, in each question citing a
paragraph that has changed, that paragraph's new text (the one thing it
writes; see :mod:`courseforge.accept`). Exit status 1 if there is any error; warnings alone
leave it at 0.
"""

from __future__ import annotations

import argparse
import sys

from ..check import check_course_report
from ..project import find_project

HELP = "check the course (quizzes, module pages, sources) and report every problem with its file and line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-warnings", action="store_true", help="print errors only")
    parser.add_argument("--accept", action="store_true",
                        help="after you have checked the questions whose cited paragraph changed, record the "
                             "paragraphs' new text in those questions (rewrites only their source's text "
                             "field), then check")


def run(args: argparse.Namespace) -> int:
    project = find_project(args.course)
    out = sys.stdout
    if args.accept:
        from ..accept import accept

        done = accept(project)
        for rel, n in sorted(done.changed.items()):
            print(f"{rel}: recorded the new text of {n} cited paragraph{'s' if n != 1 else ''}", file=out)
        for line in done.skipped:
            print(f"{line}", file=out)
        if not done.changed and not done.skipped:
            print("every citation already records its paragraph's current text", file=out)
    report = check_course_report(project)
    shown = report.errors if args.no_warnings else report.diagnostics
    for d in shown:
        print(d, file=out)
    print(report.summary(), file=out)
    return 1 if report.errors else 0
