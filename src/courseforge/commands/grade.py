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

Writes to --out: gradebook.csv, results.json, errors.csv, warnings.csv and report.html, all
at once (a reader sees the old set or the new one, never a mix; the sets are kept in the
hidden folder .courseforge-grade). Only regular files are read: named pipes, sockets and
broken links in the folders are skipped with a warning, hidden files are skipped and counted
(hidden folders and hidden .json, .jsonl and .csv files are named in warnings.csv),
and folders holding courseforge grade's own outputs are never read as submissions.

Exit status:
  0  every submission was graded
  1  some submissions, files or folders could not be graded (listed in errors.csv)
  2  nothing was graded: a usage error (a wrong option, --out is a file or an input folder,
     no quizzes, quizzes with errors)
  3  nothing was written: the outputs could not be written (permissions, a full disk,
     another courseforge grade writing to the same --out), or the quizzes or course files
     could not be read; the previous outputs are intact

--verify CODE checks a learner's certificate instead of grading: it reads the same INPUTs,
writes nothing, and names the submission whose verification code is CODE (learner, quiz,
time, file) with its grade. It exits with 0 when a submission matches, 1 when none does and
2 when CODE cannot be a verification code.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="submission files, folders, .jsonl or .csv files")
    parser.add_argument("--quizzes", metavar="DIR", default=None,
                        help="folder of quiz YAML files with the keys (default: the course's quizzes/)")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="folder for the outputs (created if needed; needed unless --verify is given)")
    parser.add_argument("--attempts", choices=("best", "last", "first"), default="best",
                        help="which attempt counts when a learner submitted a quiz more than once "
                             "(best: highest score, latest on ties; default: best)")
    parser.add_argument("--verify", metavar="CODE", default=None,
                        help="check a certificate: name the submission among the INPUTs whose verification code "
                             "is CODE (as printed on the certificate, e.g. 7K3QD-M2X9A), with its grade; "
                             "writes nothing")
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")


EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3


def _fail(diagnostics, status: int) -> int:
    for d in diagnostics if isinstance(diagnostics, list) else [diagnostics]:
        print(str(d), file=sys.stderr)
    return status


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except CourseError as exc:  # nothing graded: how the command was called, or the course
        return _fail(exc.diagnostics, EXIT_USAGE)
    except BrokenPipeError:  # stdout closed after the outputs were written (| head): not a failure to read
        raise
    except OSError as exc:  # the quizzes or course.yml could not be read: an I/O failure, not a rejection
        return _fail(Diagnostic(str(exc.filename or args.course or "."), 0, 0,
                                f"cannot be read: {exc.strerror or exc}; nothing was graded"), EXIT_IO)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _run(args: argparse.Namespace) -> int:
    from ..course import load_course_info
    from ..grade.engine import grade
    from ..grade.outputs import OutputsBusy
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

    if args.verify is not None:
        return _verify(args, quizzes, root, course_id)
    if not args.out:
        raise CourseError(Diagnostic("--out", 0, 0, "missing: give --out DIR, the folder where the gradebook and "
                                     "report are written (or --verify CODE to check a certificate)"))
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise CourseError(Diagnostic(args.out, 0, 0, "--out must be a folder, and this is a file"))
    real_out = out.resolve()
    for raw in args.inputs:
        if os.path.isdir(raw) and real_out == Path(raw).resolve():
            raise CourseError(Diagnostic(args.out, 0, 0, f"--out is the input folder {raw}: the outputs would "
                                         "be written among the submissions; choose another folder"))
    try:
        summary = grade(args.inputs, quizzes, out, policy=args.attempts, root=root, course_id=course_id,
                        progress=False if args.no_progress else None, course_title=course_title)
    except OutputsBusy as exc:
        return _fail(Diagnostic(args.out, 0, 0, f"{exc.strerror}; nothing was written"), EXIT_IO)
    except OSError as exc:  # the out folder cannot be written (permissions, full disk)
        where = exc.filename or args.out
        return _fail(Diagnostic(str(where), 0, 0, f"cannot write the outputs: {exc.strerror or exc}; "
                                "nothing was half-written and the previous outputs are intact"), EXIT_IO)
    for file, where, reason in summary.errors_shown[:10]:
        print(str(Diagnostic(file, where if isinstance(where, int) else 0, 0,
                             reason if isinstance(where, int) or not where else f"{where}: {reason}")),
              file=sys.stderr)
    if summary.rejected > 10:
        print(f"… and {summary.rejected - 10:,} more in {os.path.join(args.out, 'errors.csv')}", file=sys.stderr)
    skipped = summary.skipped
    if skipped.get("other"):
        print(f"note: {skipped['other']:,} file(s) in the input folders are not .json, .jsonl or .csv "
              "and were skipped", file=sys.stderr)
    if skipped.get("hidden"):
        print(f"note: {skipped['hidden']:,} hidden file(s) or folder(s) (names starting with a dot) in the input "
              "folders were skipped; those that could hold submissions are named in "
              f"{os.path.join(args.out, 'warnings.csv')}", file=sys.stderr)
    print(summary.line(args.out.rstrip("/\\") or args.out))
    return EXIT_REJECTED if summary.rejected else EXIT_OK


def _verify(args: argparse.Namespace, quizzes, root: Path, course_id: str | None) -> int:
    """``--verify CODE``: which submission a certificate's code stands for."""
    from ..grade.certificate import find, normalise_code
    from ..grade.inputs import expand_inputs
    from ..grade.validate import QuizKey

    code = normalise_code(args.verify)
    if code is None:
        raise CourseError(Diagnostic("--verify", 0, 0, f"'{args.verify}' is not a verification code: a code is ten "
                                     "letters and digits, as printed on the certificate (for example 7K3QD-M2X9A)"))
    files, problems, _ = expand_inputs(args.inputs, root)
    for kind, file, where, reason, _ in problems:
        if kind == "error":
            print(str(Diagnostic(file, where if isinstance(where, int) else 0, 0, reason)), file=sys.stderr)
    keys = {q.id: QuizKey.compile(q) for q in quizzes}
    matches, seen = find(code, files, keys, course_id)
    if not matches:
        print(f"{code}: no submission matches this code among the {seen:,} submission{'s' if seen != 1 else ''} "
              "read. The certificate does not stand for any answers given here: check that you gave the "
              "folder of the learner's submitted answers, and that the code was copied exactly.", file=sys.stderr)
        return EXIT_REJECTED
    for m in matches:
        who = f"{m.learner_name} (learner ID {m.learner_id})" if m.learner_name else f"learner ID {m.learner_id}"
        title = f"'{m.quiz}' ({m.quiz_title})" if m.quiz_title else f"'{m.quiz}'"
        where = f"{m.file}, {m.where}" if m.where else m.file
        verdict = "passed" if m.passed else "not passed"
        n = len(m.unanswered)
        blanks = f"; {n} question{'s' if n != 1 else ''} unanswered" if n else ""
        print(f"{code} matches the answers of {who} to quiz {title}, submitted {m.submitted_at or 'at no stated time'}"
              f", in {where}: {_points(m.score)} of {_points(m.max_score)} points ({m.percent:.0f}%), {verdict}{blanks}.")
    return EXIT_OK


def _points(x: float) -> str:
    return f"{x:g}"
