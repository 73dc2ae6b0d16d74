"""``courseforge serve``: preview the site; it rebuilds when a page, quiz or seed changes."""

from __future__ import annotations

import argparse
import logging
import sys

from ..diagnostics import CourseError, Diagnostic
from ..project import find_project

HELP = "preview the learning site at http://127.0.0.1:8000/ while you edit (rebuilds on every change)"


class _Plain(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        prefix = {logging.WARNING: "warning: ", logging.ERROR: "error: "}.get(record.levelno, "")
        return prefix + record.getMessage()


def quiet_mkdocs_logging(level: int = logging.WARNING, *, upto: int = logging.CRITICAL) -> None:
    """Show MkDocs' messages from ``level`` up to ``upto`` as plain lines.

    ``courseforge build`` shows warnings as they come but not errors: a failed
    build raises CourseError, whose lines the CLI prints once, at the end.
    """
    logger = logging.getLogger("mkdocs")
    for h in [h for h in logger.handlers if getattr(h, "_courseforge", False)]:
        logger.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_Plain())
    handler.addFilter(lambda record: record.levelno <= upto)
    handler._courseforge = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="address to serve on (default: 127.0.0.1:8000)")


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort

    project = find_project(args.course)
    quiet_mkdocs_logging(logging.INFO)
    print(f"serving the course at http://{args.addr}/ (Ctrl+C stops)")
    try:
        serve(str(project.mkdocs_file), dev_addr=args.addr, livereload=True)
    except Abort as exc:
        raise CourseError(Diagnostic(project.rel(project.mkdocs_file), 0, 0, f"the site was not served: {exc}")) from None
    return 0
