"""``courseforge build``: the learning site, or a zip of it that works offline."""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

from ..project import find_project

HELP = "build the learning site (or, with --offline, a zip that works without a network)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline", action="store_true",
        help="make a zip of the site that learners unzip and open from file:// (index.html), with search and progress",
    )
    parser.add_argument(
        "--out", metavar="PATH", default=None,
        help="where to write: a folder (default: site/) or, with --offline, a zip file (default: dist/<course id>-offline.zip)",
    )
    parser.add_argument(
        "--no-strict", dest="strict", action="store_false",
        help="build even if MkDocs warns (for example about a broken link)",
    )


def run(args: argparse.Namespace) -> int:
    from ..course import load_course_info
    from ..site.build import build_offline_zip, build_site
    from .serve import quiet_mkdocs_logging

    project = find_project(args.course)
    # Warnings show as they come when they do not stop the build; otherwise they
    # come back, with any error, in the CourseError the CLI prints.
    quiet_mkdocs_logging(upto=logging.WARNING if not args.strict else logging.INFO)
    start = time.monotonic()
    if args.offline:
        out = Path(args.out) if args.out else project.root / "dist" / f"{load_course_info(project).id}-offline.zip"
        build_offline_zip(project, out, strict=args.strict)
        print(f"offline site written to {out} in {time.monotonic() - start:.1f} s: "
              f"unzip it and open index.html in a browser")
    else:
        out = Path(args.out) if args.out else project.root / "site"
        build_site(project, out, strict=args.strict)
        print(f"site built in {out} in {time.monotonic() - start:.1f} s")
    return 0
