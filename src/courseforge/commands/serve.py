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


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale navigation; the plugin rebuilds every page unless
    only quizzes changed, so the warning says nothing true here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                        help="address to serve on (default: 127.0.0.1:8000)")


def _address_problem(addr: str) -> str:
    """Why the preview cannot listen on ``addr`` (HOST:PORT), or "" if it can: said before serving, not after."""
    import socket

    host, _, port = addr.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return f"--addr {addr!r} is not HOST:PORT (for example 127.0.0.1:8000)"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.bind((host.strip("[]"), int(port)))
    except OSError as exc:
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            return (f"port {port} is already in use (another preview or program is serving there); "
                    f"stop it or choose another port: --addr {host}:{int(port) + 1}")
        return f"cannot serve on {addr}: {exc.strerror or exc}"
    return ""


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import Abort

    project = find_project(args.course)
    problem = _address_problem(args.addr)
    if problem:
        raise CourseError(Diagnostic(project.rel(project.mkdocs_file), 0, 0, problem))
    quiet_mkdocs_logging(logging.INFO)
    print(f"serving the course at http://{args.addr}/ (Ctrl+C stops)")
    try:
        # Dirty rebuilds: the courseforge plugin rebuilds everything unless only quizzes changed.
        logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
        serve(str(project.mkdocs_file), dev_addr=args.addr, livereload=True, build_type="dirty")
    except Abort as exc:
        raise CourseError(Diagnostic(project.rel(project.mkdocs_file), 0, 0, f"the site was not served: {exc}")) from None
    return 0
