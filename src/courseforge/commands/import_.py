"""``courseforge import gift FILE``: bring a Moodle GIFT question bank in as quiz YAML."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import CourseError, Diagnostic, display_path
from ..fsutil import read_text_limited, write_atomic
from ..project import find_project

HELP = "turn a GIFT question bank (Moodle's text format) into quiz YAML files"
MAX_BYTES = 5_000_000
SOURCE_TODO = (
    "Each question marked 'doc: imported' below needs its source: write the seed id from seeds/sources.yml "
    "as doc and the paragraph id shown on the sources page (modules/sources.md) as para."
)


def add_arguments(parser) -> None:
    parser.add_argument("kind", choices=["gift"], help="the format of FILE (only gift for now)")
    parser.add_argument("file", metavar="FILE", help="the GIFT file, e.g. exported from Moodle's question bank")
    parser.add_argument("--out", metavar="DIR", default=None,
                        help="where to write the quiz files (default: the course's quizzes/ folder)")
    parser.add_argument("--module", metavar="ID", default=None,
                        help="put every question in one quiz for this module (default: one quiz per GIFT category)")
    parser.add_argument("--quiz", metavar="ID", default=None, help="the id of that one quiz (default: the module id)")
    parser.add_argument("--source", metavar="DOC#PARA", default=None,
                        help="the seed paragraph every imported question cites, e.g. unitar-2019#18 "
                             "(questions exported by courseforge carry their own)")
    parser.add_argument("--mode", choices=["practice", "assessment"], default="practice",
                        help="the mode of the new quizzes (default: practice)")
    parser.add_argument("--pass-mark", type=float, default=70, help="percent needed to pass (default: 70)")
    parser.add_argument("--force", action="store_true", help="replace quiz files that already exist")


def run(args) -> int:
    from ..importers.gift import ImportOptions, needs_source, parse_gift, to_quizzes
    from ..quiz.dump import dump_quiz
    from ..quiz.load import read_quiz_file
    from ..quiz.model import SourceRef

    if not 0 <= args.pass_mark <= 100:
        raise CourseError(f"--pass-mark {args.pass_mark:g}: write a percentage from 0 to 100")
    src = Path(args.file)
    shown = src.as_posix()
    try:
        text = read_text_limited(src, MAX_BYTES)
    except FileNotFoundError:
        raise CourseError(Diagnostic(shown, 0, 0, "no such file")) from None
    except (OSError, ValueError) as exc:
        raise CourseError(Diagnostic(shown, 0, 0, str(exc))) from None

    source = None
    if args.source:
        doc, sep, para = args.source.partition("#")
        if not sep or not doc or not para:
            raise CourseError(f"--source {args.source}: write it as DOC#PARA, e.g. unitar-2019#18")
        source = SourceRef(doc, para)

    questions, diags = parse_gift(text, shown)
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        raise CourseError(diags + [Diagnostic(shown, 0, 0, f"{len(errors)} problem(s) above: nothing was written")])
    quizzes, more = to_quizzes(questions, shown, ImportOptions(
        module=args.module, quiz_id=args.quiz, source=source, mode=args.mode, pass_mark=args.pass_mark))
    for d in sorted(diags + more, key=lambda d: d.line):
        print(d)
    if not quizzes:
        raise CourseError(Diagnostic(shown, 0, 0, "no question found to import"))

    if args.out:
        out, root = Path(args.out), None
        try:
            root = find_project(args.course or out).root
        except CourseError:
            pass
    else:
        project = find_project(args.course)
        out, root = project.quizzes_dir, project.root
    targets = [(quiz, out / f"{quiz.id}.yml") for quiz in quizzes]
    existing = [p for _, p in targets if p.exists()]
    if existing and not args.force:
        names = ", ".join(display_path(p, root) for p in existing)
        raise CourseError(f"{names}: already exist(s); nothing was written (use --force to replace, or --quiz ID)")
    for quiz, path in targets:
        write_atomic(path, dump_quiz(quiz))

    for quiz, path in targets:
        result = read_quiz_file(path, root)
        todo = list(result.diagnostics)
        if root is not None and not (Path(root) / "modules" / f"{quiz.module}.md").is_file():
            line, col = result.positions.get(("module",), (0, 0))
            todo.append(Diagnostic(result.path, line, col, f"module '{quiz.module}' has no page modules/{quiz.module}.md: "
                                   "write an existing module id here (or import with --module ID)"))
        for qid in needs_source(quiz):
            line, col = result.positions.get((qid, "source", "doc"), (0, 0))
            todo.append(Diagnostic(result.path, line, col, f"question '{qid}' cites no seed paragraph yet (doc: imported)"))
        print(f"Wrote {result.path}: {len(quiz.questions)} question(s), quiz '{quiz.id}' for module '{quiz.module}'.")
        if todo:
            print(f"  Before `courseforge check` accepts it ({len(todo)}):")
            if needs_source(quiz):
                print(f"  {SOURCE_TODO}")
            for d in sorted(todo, key=lambda d: (d.line, d.col)):
                print(f"  {d}")
    return 0
