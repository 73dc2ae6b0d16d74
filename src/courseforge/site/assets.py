"""The files courseforge adds to a built site: its scripts and stylesheet, polyfills, and what it
writes once MkDocs is done (the manifest, the offline search index, a reproducible sitemap.xml.gz)."""

from __future__ import annotations

import gzip
from pathlib import Path

from ..fsutil import write_atomic
from .manifest import MANIFEST, QUIZ_LIST, SITE_ASSETS

ASSETS = Path(__file__).resolve().parent.parent / "assets"
SHIM = f"{SITE_ASSETS}/iframe-worker-shim.js"
POLYFILLS = f"{SITE_ASSETS}/polyfills.js"  # loads resize-observer.js only where it is missing
STYLESHEETS = [f"{SITE_ASSETS}/quiz.css"]
SCRIPTS = [MANIFEST, f"{SITE_ASSETS}/quiz.js"]  # the manifest must come before quiz.js


def shipped_files(shim: bool) -> list[tuple[str, Path]]:
    """(path in the site, file) of the learner's script and stylesheet, polyfills and, for file://, the worker shim."""
    files = [(f"{SITE_ASSETS}/{name}", ASSETS / name) for name in ("quiz.js", "quiz.css", "polyfills.js")]
    files.append((f"{SITE_ASSETS}/resize-observer.js", ASSETS / "vendor" / "resize-observer-polyfill" / "ResizeObserver.js"))
    if shim:
        files.append((SHIM, ASSETS / "vendor" / "iframe-worker" / "shim.js"))
    return files


def polyfills(listed: list, shim: bool) -> list:
    """The theme's polyfills: ours first, never a CDN's iframe-worker shim, our local one for file://."""
    out = [p for p in listed if "iframe-worker" not in str(p)]
    out.insert(0, POLYFILLS)
    if shim:
        out.append(SHIM)
    return out


def finish_site(site: Path, quizzes_js: str, course_js: str, *, search_script: bool) -> None:
    """Write the manifest; ``search_script``: the search index as a script too, as file:// cannot fetch JSON."""
    write_atomic(site / QUIZ_LIST, quizzes_js)
    write_atomic(site / MANIFEST, course_js)
    index = site / "search" / "search_index.json"
    if search_script and index.is_file():
        write_atomic(site / "search" / "search_index.js", "var __index = " + index.read_text(encoding="utf-8"))
    # Rebuilding an unchanged course gives the same bytes: gzip without a timestamp.
    sitemap = site / "sitemap.xml"
    if sitemap.is_file():
        write_atomic(site / "sitemap.xml.gz", gzip.compress(sitemap.read_bytes(), mtime=0))
