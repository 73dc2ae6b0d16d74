"""courseforge generate: write the course (modules/, quizzes/) from seeds/ and the plan in course.yml."""

from __future__ import annotations

import sys

HELP = ("write the course from the documents in seeds/ and the plan in course.yml: module pages, "
        "course pages and one quiz per module; files you edited are kept")


def add_arguments(parser) -> None:
    parser.add_argument("--auto", action="store_true",
                        help="ignore the modules listed in course.yml and propose modules from the documents")
    parser.add_argument("--dry-run", action="store_true",
                        help="only show what would be created, updated or kept; write nothing")
    parser.add_argument("--force", action="store_true",
                        help="also replace files you edited (your version is saved in .courseforge/backup/<date and time>/; "
                             "earlier backups are kept)")
    parser.add_argument("--no-final", action="store_true",
                        help="do not add the final assessment after the modules")


def run(args) -> int:
    from ..course import load_course_info
    from ..generate.run import generate
    from ..project import find_project

    project = find_project(args.course)
    info = load_course_info(project)
    result = generate(project, info, auto=args.auto, dry_run=args.dry_run, force=args.force,
                      final_assessment=not args.no_final)
    for line in result.report():
        print(line)
    for w in result.warnings:
        print(w, file=sys.stderr)
    return 0
