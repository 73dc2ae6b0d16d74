"""``courseforge new PATH [DOCUMENT...]``: start a course from your own documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = ("make a new course folder from your documents (.pdf, .docx, .html, .md, .txt): course.yml, "
        "mkdocs.yml, seeds/ with the documents and a drafted sources.yml, schema/ and .gitignore")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the folder to create (it must not exist, or be empty)")
    parser.add_argument("documents", metavar="DOCUMENT", nargs="*", type=Path,
                        help="the documents the course is made from; they are copied into seeds/")
    parser.add_argument("--title", default=None, help="the course's title (default: made from the folder's name)")
    parser.add_argument("--language", default="en", choices=("en", "fr"),
                        help="the site's interface language (default: en)")


def run(args: argparse.Namespace) -> int:
    from ..scaffold import create_course

    result = create_course(Path(args.path), args.documents, title=args.title, language=args.language)
    for d in result.left_out:
        print(d, file=sys.stderr)
    where = Path(args.path).as_posix()
    n = len(result.sources)
    print(f"created {where}/ with {n} document{'s' if n != 1 else ''} in {where}/seeds/")
    for d in result.sources:
        print(f"  {d.file}: id {d.id}, \"{d.title}\"")
    print(f"Next: check the entries drafted in {where}/seeds/sources.yml (lines marked 'confirm'), then run\n"
          f"  courseforge generate --course {where}\n  courseforge build --course {where}")
    return 0
