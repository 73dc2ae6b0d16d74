"""``courseforge check``: validate the whole course in one run, writing nothing.

Prints every problem as ``path:line:col: message`` (sorted by file and line),
then one summary line. Exit status 1 if there is any error; warnings alone
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


def run(args: argparse.Namespace) -> int:
    project = find_project(args.course)
    report = check_course_report(project)
    shown = report.errors if args.no_warnings else report.diagnostics
    out = sys.stdout
    for d in shown:
        print(d, file=out)
    print(report.summary(), file=out)
    return 1 if report.errors else 0
