"""``courseforge export``: quizzes for Moodle (GIFT, Moodle XML) and QTI LMSs; the course as SCORM 1.2."""

from __future__ import annotations

import sys
from pathlib import Path

from ..course import load_course_info
from ..diagnostics import CourseError, Diagnostic
from ..export.report import report_lines
from ..fsutil import write_atomic
from ..project import find_project

HELP = "export quizzes to GIFT, Moodle XML or QTI 2.1, or the whole course as a SCORM 1.2 package"

FORMATS = {
    # format: (default file name suffix, what it is for)
    "gift": ("-gift.txt", "Moodle: Question bank > Import > GIFT format"),
    "moodle-xml": ("-moodle.xml", "Moodle: Question bank > Import > Moodle XML format"),
    "qti": ("-qti.zip", "an LMS that imports QTI 2.1 content packages (Canvas: Import > QTI .zip file)"),
    "scorm": ("-scorm.zip", "any LMS as a SCORM 1.2 package (Moodle: Add an activity > SCORM package)"),
}


def add_arguments(parser) -> None:
    parser.add_argument("--format", required=True, choices=sorted(FORMATS), help="what to export")
    parser.add_argument("--out", metavar="PATH", default=None,
                        help="the file to write (default, in the course folder: exports/<course id>-gift.txt, "
                             "-moodle.xml, -qti.zip or -scorm.zip)")
    parser.add_argument("--quiz", metavar="ID", default=None,
                        help="export only this quiz (gift, moodle-xml and qti)")


def _load_quizzes(project):
    from ..quiz.load import load_quizzes

    quizzes, diags = load_quizzes(project.quizzes_dir, project.root)
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise CourseError(errors + [Diagnostic("courseforge", 0, 0,
                                               "export stopped: fix the quiz files above (courseforge check lists them)")])
    return quizzes


def run(args) -> int:
    project = find_project(args.course)
    info = load_course_info(project)
    suffix, target = FORMATS[args.format]
    out = Path(args.out) if args.out else project.root / "exports" / f"{info.id}{suffix}"

    if args.format == "scorm":
        if args.quiz:
            raise CourseError("--quiz does not apply to SCORM: the package holds the whole course")
        from ..export.scorm import export_scorm

        data, notes = export_scorm(project, info)
        write_atomic(out, data)
        print(f"Wrote {project.rel(out)}: the whole course as a SCORM 1.2 package, for {target}.")
        for line in notes:
            print(f"  {line}")  # a line or two about the whole package, never one per question
        return 0

    quizzes = _load_quizzes(project)
    if args.quiz:
        chosen = [q for q in quizzes if q.id == args.quiz]
        if not chosen:
            known = ", ".join(q.id for q in quizzes) or "none"
            raise CourseError(f"--quiz {args.quiz}: no quiz has this id (quizzes: {known})")
        quizzes = chosen
    if not quizzes:
        raise CourseError(Diagnostic(project.rel(project.quizzes_dir), 0, 0, "no quizzes to export"))

    if args.format == "gift":
        from ..export.gift import export_gift

        text, notes = export_gift(quizzes, info.title)
        data: bytes | str = text
    elif args.format == "moodle-xml":
        from ..export.moodle_xml import export_moodle_xml

        data, notes = export_moodle_xml(quizzes, info.title)
    else:
        from ..export.qti import export_qti

        data, notes = export_qti(quizzes, info.id, info.title)
    write_atomic(out, data)
    total = sum(len(q.questions) for q in quizzes)
    skipped = notes.skipped()
    print(f"Wrote {project.rel(out)}: {total - len(skipped)} of {total} questions from {len(quizzes)} "
          f"quiz{'zes' if len(quizzes) != 1 else ''}, for {target}.")
    for line in report_lines(notes):
        print(line)
    sys.stdout.flush()
    return 0
