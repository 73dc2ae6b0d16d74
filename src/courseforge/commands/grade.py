"""``courseforge grade``: grade learners' submissions against the quiz keys."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..diagnostics import CourseError, Diagnostic
from ..project import find_project

HELP = "grade learners' submissions: gradebook, item statistics and a report"

EPILOG = """\
INPUT may be submission files downloaded from the course site (.json), folders of them
(searched recursively), JSON Lines files (.jsonl, one submission per line) or CSV files
(.csv: learner_id, learner_name, quiz, submitted_at, then one column per question id;
several choices separated by |, matching as pair=right|pair=right).

Writes to --out: gradebook.csv, results.json, errors.csv, warnings.csv and report.html.
Exit status: 0 when every submission was graded, 1 when any was rejected (see errors.csv).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="submission files, folders, .jsonl or .csv files")
    parser.add_argument("--quizzes", metavar="DIR", default=None,
                        help="folder of quiz YAML files with the keys (default: the course's quizzes/)")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder for the outputs (created if needed)")
    parser.add_argument("--attempts", choices=("best", "last", "first"), default="best",
                        help="which attempt counts when a learner submitted a quiz more than once "
                             "(best: highest score, latest on ties; default: best)")
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")


def run(args: argparse.Namespace) -> int:
    from ..course import load_course_info
    from ..grade.engine import grade
    from ..quiz.load import load_quizzes

    try:
        project = find_project(args.course)
    except CourseError:
        if args.quizzes is None:
            raise
        project = None
    root = project.root if project else Path.cwd()
    quizzes_dir = Path(args.quizzes) if args.quizzes else project.quizzes_dir
    if not quizzes_dir.is_dir():
        raise CourseError(Diagnostic(str(quizzes_dir), 0, 0, "no quizzes folder here: pass --quizzes DIR"))
    quizzes, diagnostics = load_quizzes(quizzes_dir, root)
    problems = [d for d in diagnostics if d.severity == "error"]
    if problems:
        raise CourseError(problems + [Diagnostic(
            str(quizzes_dir), 0, 0, "the quizzes have errors; grading against a broken key would be wrong, "
            "so nothing was graded (fix them, then run courseforge check)")])
    if not quizzes:
        raise CourseError(Diagnostic(str(quizzes_dir), 0, 0, "no quizzes found (*.yml files with the keys)"))

    course_id, course_title = None, ""
    if project is not None:
        try:
            info = load_course_info(project)
            course_id, course_title = info.id, info.title
        except CourseError:
            pass  # grading does not need course.yml; submissions are then not checked against the course id

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CourseError(Diagnostic(args.out, 0, 0, "--out must be a folder, and this is a file"))
    try:
        summary = grade(args.inputs, quizzes, out, policy=args.attempts, root=root, course_id=course_id,
                        progress=False if args.no_progress else None, course_title=course_title)
    except OSError as exc:  # the out folder cannot be written (permissions, full disk)
        where = exc.filename or args.out
        raise CourseError(Diagnostic(str(where), 0, 0, f"cannot write the outputs: {exc.strerror or exc}; "
                                     "nothing was half-written")) from None
    for file, where, reason in summary.errors_shown[:10]:
        print(str(Diagnostic(file, where if isinstance(where, int) else 0, 0,
                             reason if isinstance(where, int) or not where else f"{where}: {reason}")),
              file=sys.stderr)
    if summary.rejected > 10:
        print(f"… and {summary.rejected - 10:,} more in {os.path.join(args.out, 'errors.csv')}", file=sys.stderr)
    if summary.ignored_files:
        print(f"note: {summary.ignored_files:,} file(s) in the input folders are not .json, .jsonl or .csv "
              "and were skipped", file=sys.stderr)
    print(summary.line(args.out.rstrip("/\\") or args.out))
    return 1 if summary.rejected else 0
