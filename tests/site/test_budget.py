"""Size budgets: quiz JS + CSS <= 15 KB gzipped; a module page's first view <= 100 KB gzipped."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from courseforge.project import Project
from courseforge.site.build import build_site

ASSETS = Path(__file__).resolve().parents[2] / "src" / "courseforge" / "assets"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_view(site: Path, page: Path) -> dict[str, int]:
    """Gzipped bytes of a page and every script and stylesheet it loads."""
    html = page.read_text(encoding="utf-8")
    sizes = {page.name: gz(html.encode("utf-8"))}
    refs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    for ref in refs:
        path = (page.parent / ref.split("?")[0]).resolve()
        sizes[path.relative_to(site.resolve()).as_posix()] = gz(path.read_bytes())
    return sizes


def test_quiz_script_and_style_within_15_kb():
    total = gz((ASSETS / "quiz.js").read_bytes()) + gz((ASSETS / "quiz.css").read_bytes())
    assert total <= 15 * 1024, total


def test_module_page_first_view_within_100_kb(course, tmp_path):
    site = tmp_path / "site"
    build_site(Project(course), site)
    sizes = first_view(site, site / "01-basics" / "index.html")
    assert {"assets/courseforge/quiz.js", "assets/courseforge/quiz.css", "assets/courseforge/course.js"} <= set(sizes)
    assert any(k.startswith("assets/javascripts/bundle.") for k in sizes)
    assert sum(sizes.values()) <= 100 * 1024, sizes
