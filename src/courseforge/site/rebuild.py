"""`serve`'s rebuilds: after an edit to quizzes alone, only the pages showing them are built again.

MkDocs' dirty build skips a page whose file is older than its built page.
When anything but quizzes changed (a page, mkdocs.yml, the seeds, course.yml),
or the course has errors or had them, the site folder is emptied first: every
page is built again, as in a clean build. Otherwise the pages that show a quiz
whose public view changed (its module's page, a page with its marker) are
the ones to build.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

COURSE_POLLING = 0.1  # seconds between two looks at quizzes/, seeds/ and course.yml under `serve`


def _state(path) -> tuple:
    try:
        st = Path(path).stat()
        return st.st_size, st.st_mtime_ns
    except (OSError, TypeError):
        return (None,)


class Rebuilds:
    """What the last build saw, to tell what the next one must build."""

    def __init__(self) -> None:
        self._last: tuple | None = None

    def pages_to_build(self, site: Path, pages: list[tuple[str, str]], others: list, errors: bool,
                       shown: dict[str, tuple[str, dict]], marked: dict[str, list[str]]) -> set[str] | None:
        """The pages (src_uri) to build again, or None for all of them (``site`` is then emptied).

        ``pages`` are (src_uri, path) of the site's pages, ``others`` the other files the
        site comes from, ``shown`` quiz id -> (module, public view) and ``marked`` the quiz
        ids each page's markers name.
        """
        docs = tuple((uri, _state(path)) for uri, path in pages) + tuple((str(p), _state(p)) for p in others)
        last, self._last = self._last, (docs, errors, shown)
        if last is None or last[0] != docs or last[1] or errors:
            if last is not None:
                empty_site(site)
            return None
        before = last[2]
        changed = {qid for qid in set(before) | set(shown)
                   if before.get(qid, (None, None))[1] is not shown.get(qid, (None, None))[1]}
        modules = {entry[0] for qid in changed for entry in (before.get(qid), shown.get(qid)) if entry}
        return {uri for uri, _ in pages if PurePosixPath(uri).stem in modules or set(marked.get(uri, ())) & changed}


def empty_site(site: Path) -> None:
    """What a clean build does first."""
    if site.is_dir():
        for child in site.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()


def watch_course(server, paths: list[Path]) -> None:
    """Have the preview server rebuild when one of ``paths`` changes, looking every COURSE_POLLING s.

    The server polls files every 0.5 s; these few are polled faster, so an edit shows sooner.
    """
    observer = getattr(server, "observer", None)
    polling = getattr(observer, "_timeout", None)
    fast = isinstance(polling, (int, float)) and not isinstance(polling, bool) and polling > COURSE_POLLING
    if fast:
        observer._timeout = COURSE_POLLING
    try:
        for path in paths:
            if path.exists():
                server.watch(str(path))
    finally:
        if fast:
            observer._timeout = polling
