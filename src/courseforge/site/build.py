"""Build the learning site by driving MkDocs from Python.

This is the one module of ``courseforge.site`` that imports MkDocs (lazily,
so ``import courseforge.site.build`` stays cheap). Problems come back as
:class:`CourseError` with ``path:line:col: message`` lines: the checker's own
messages for a broken course, MkDocs' warnings when strict mode refuses them.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from ..diagnostics import CourseError, Diagnostic
from ..project import Project
from .offline import OFFLINE_SKIP, zip_site

PLUGIN = "courseforge"


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so a refused build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(project: Project, site_dir: Path, *, offline: bool = False, strict: bool = True) -> None:
    """Build ``project``'s site into ``site_dir``; ``offline`` makes it work from file://."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    mkdocs_yml = project.rel(project.mkdocs_file)
    if not project.mkdocs_file.is_file():
        raise CourseError(Diagnostic(mkdocs_yml, 0, 0, "mkdocs.yml is missing: it describes the site"))
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        try:
            config = load_config(str(project.mkdocs_file), site_dir=str(Path(site_dir).resolve()), strict=strict)
        except (Abort, ConfigurationError) as exc:
            raise CourseError(_diagnostics(mkdocs_yml, collect.messages, str(exc))) from None
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise CourseError(Diagnostic(mkdocs_yml, 0, 0, "the courseforge plugin is missing: add '- courseforge' under plugins"))
        if offline:
            plugin.config.offline = True
        try:
            build(config)
        except CourseError as exc:  # the plugin's own error is a CourseError too
            raise CourseError(exc.diagnostics) from None
        except Abort as exc:
            cause = exc.__context__
            if isinstance(cause, CourseError):
                raise CourseError(cause.diagnostics) from None
            raise CourseError(_diagnostics(mkdocs_yml, collect.messages, str(exc))) from None
    finally:
        logger.removeHandler(collect)


def _diagnostics(where: str, messages: list[str], summary: str) -> list[Diagnostic]:
    """MkDocs' messages as diagnostics; ours already read ``path:line: message``."""
    out = []
    for text in messages:
        head, sep, rest = text.partition(": ")
        if sep and (":" in head or head.endswith((".md", ".yml", ".yaml"))):
            path, _, where_in = head.partition(":")
            line, _, col = where_in.partition(":")  # "mkdocs.yml:4:3" as well as "page.md:12"
            out.append(Diagnostic(path, int(line) if line.isdigit() else 0,
                                  int(col) if line.isdigit() and col.isdigit() else 0, rest))
        else:
            out.append(Diagnostic(where, 0, 0, text))
    if "strict mode" in summary:
        summary = "strict mode stops on the warnings above; fix them (or build with --no-strict)"
    out.append(Diagnostic(where, 0, 0, f"the site was not built: {summary}"))
    return out


def build_offline_zip(project: Project, zip_path: Path, *, strict: bool = True) -> Path:
    """Build the offline site and pack it as ``zip_path`` (one top folder named after the course)."""
    from ..course import load_course_info

    info = load_course_info(project)
    with tempfile.TemporaryDirectory(prefix="courseforge-offline-") as tmp:
        site = Path(tmp) / "site"
        build_site(project, site, offline=True, strict=strict)
        zip_site(site, zip_path, folder=info.id, skip=OFFLINE_SKIP)
        shutil.rmtree(site, ignore_errors=True)
    return zip_path
