"""The ``courseforge`` command: a dispatcher over ``courseforge.commands.*``.

Each subcommand lives in its own module with ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; modules are imported only when their command runs,
so ``courseforge check`` never pays for MkDocs or the generator.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .diagnostics import CourseError

# command name -> module in courseforge.commands
COMMANDS = {
    "new": "new",
    "check": "check",
    "generate": "generate",
    "build": "build",
    "serve": "serve",
    "grade": "grade",
    "export": "export",
    "import": "import_",
    "schema": "schema",
}


COURSE_HELP = "the course folder (default: the current folder or the nearest one above it)"


def _load(name: str):
    return importlib.import_module(f"courseforge.commands.{COMMANDS[name]}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="courseforge",
        description="Turn policy documents into a self-paced course: generate, check, build, grade, export.",
    )
    parser.add_argument("--version", action="version", version=f"courseforge {__version__}")
    parser.add_argument("--course", metavar="PATH", default=None, help=COURSE_HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = _load(name) if only in (None, name) else None
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("courseforge.commands"):
                continue  # command not built yet
            raise
        if only is not None and mod is None:
            sub.add_parser(name)
            continue
        p = sub.add_parser(name, help=mod.HELP, description=mod.HELP)
        if name != "new":  # new makes a course folder: it is not inside one
            # --course goes before or after the command; SUPPRESS keeps a value given before
            # from being reset to the default by the subcommand's parser
            p.add_argument("--course", metavar="PATH", default=argparse.SUPPRESS, help=COURSE_HELP)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def command_name(argv: list[str]) -> str | None:
    """The subcommand in ``argv``: the first word that is neither an option nor the value of ``--course``."""
    skip = False
    for a in argv:
        if skip:
            skip = False
        elif a == "--course":
            skip = True
        elif not a.startswith("-"):
            return a
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = command_name(argv)
    parser = build_parser(first if first in COMMANDS else None)
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except CourseError as exc:
        for d in exc.diagnostics:
            print(d, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:
        # A folder that cannot be written, a disk that is full: the file and the reason, no traceback.
        where = exc.filename if exc.filename is not None else "courseforge"
        print(f"{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a bug of ours: say so plainly, keep the details on request
        if os.environ.get("COURSEFORGE_DEBUG"):
            raise
        print(f"courseforge: internal error ({type(exc).__name__}: {exc}). This is a bug in courseforge, "
              "not in your files; please report it with the command you ran "
              "(set COURSEFORGE_DEBUG=1 to see the details).", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
