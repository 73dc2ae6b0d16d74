"""The first view of any page stays within 100 KB gzipped, whatever the size of the course.

A course of 1,000 quizzes (20 module pages of 50 one-question quizzes) is built once.
Every page counts its HTML and each script and stylesheet it loads. The list of the
course's quizzes (course-quizzes.js) is no part of a first view: quiz.js loads it only
for a learner who has progress (tests/browser/test_home_layout.py), on the pages that
show it; what such a learner's home page and certificate load is held to the budget too.
"""

from __future__ import annotations

import gzip
import re
import shutil
from pathlib import Path

import pytest

from courseforge.project import Project
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.model import Quiz, SourceRef, TrueFalse
from courseforge.quiz.schema import schema_text
from courseforge.site.build import build_site
from courseforge.sources.ingest import load_corpus

REPO = Path(__file__).resolve().parents[2]
MODULES, PER_MODULE = 20, 50  # 1,000 quizzes
BUDGET = 100 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("first-view") / "course"
    root.mkdir()
    shutil.copytree(REPO / "seeds", root / "seeds")
    corpus, _ = load_corpus(root / "seeds", root)
    refs = [SourceRef(d.id, p.id) for d in corpus.documents for p in d.paragraphs]
    docs = ", ".join(sorted(d.id for d in corpus.documents))
    (root / "course.yml").write_text("id: big-course\ntitle: A big course\nlanguage: en\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "schema").mkdir()
    (root / "schema" / "quiz-v1.schema.json").write_text(schema_text(), encoding="utf-8")
    (root / "modules").mkdir()
    (root / "quizzes").mkdir()
    (root / "modules" / "index.md").write_text("---\ntitle: Home\n---\n\n# A big course\n\nWelcome.\n", encoding="utf-8")
    n = 0
    for m in range(1, MODULES + 1):
        mid = f"{m:02d}-module"
        (root / "modules" / f"{mid}.md").write_text(
            f"---\nid: {mid}\ntitle: Module {m}\norder: {m}\nstudy_time: 30\nsources: [{docs}]\n---\n\n"
            f"# Module {m}\n\nRead the documents, then answer.\n", encoding="utf-8")
        for k in range(1, PER_MODULE + 1):
            n += 1
            quiz = Quiz(id=f"q{n:04d}", module=mid, title=f"Quiz {n}", mode="practice", pass_mark=50, questions=[
                TrueFalse(id="tf", prompt=f"Statement {n} is in the text.", answer=n % 2 == 0,
                          explanation="The paragraph says so.", source=refs[n % len(refs)])])
            (root / "quizzes" / f"q{n:04d}.yml").write_text(dump_quiz(quiz), encoding="utf-8")
    site = root / "site"
    build_site(Project(root), site)
    return site


def first_view(site: Path, page: Path, with_progress: bool = False) -> dict[str, int]:
    """Gzipped bytes of a page and what it loads; ``with_progress``: as a learner with progress loads it."""
    html = page.read_text(encoding="utf-8")
    sizes = {"page": gz(html.encode("utf-8"))}
    refs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    if with_progress and ("data-cf-progress" in html or "data-cf-certificate" in html):
        refs.append(next(r for r in refs if r.endswith("course.js")).replace("course.js", "course-quizzes.js"))
    for ref in refs:
        ref = ref.split("?")[0]
        path = (site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref).resolve()  # 404.html: from the root
        sizes[path.relative_to(site.resolve()).as_posix()] = gz(path.read_bytes())
    return sizes


def test_every_page_of_a_1000_quiz_course_within_100_kb(big_site):
    pages = sorted(big_site.rglob("*.html"))
    assert len(pages) >= MODULES + 2
    views = {p.relative_to(big_site).as_posix(): first_view(big_site, p) for p in pages}
    over = {k: sum(v.values()) for k, v in views.items() if sum(v.values()) > BUDGET}
    assert not over, over
    assert not any("assets/courseforge/course-quizzes.js" in v for v in views.values())
    # A learner with progress: the home page and the certificate load the list too.
    for name in ("index.html", "certificate/index.html"):
        loaded = first_view(big_site, big_site / name, with_progress=True)
        assert "assets/courseforge/course-quizzes.js" in loaded
        assert sum(loaded.values()) <= BUDGET, (name, loaded)
    assert "assets/courseforge/course-quizzes.js" not in first_view(big_site, big_site / "01-module/index.html", True)


def test_what_every_page_loads_does_not_grow_with_the_course(big_site):
    """course.js names the list of quizzes but holds none of them."""
    manifest = (big_site / "assets" / "courseforge" / "course.js").read_bytes()
    assert b"q0001" not in manifest and b"q1000" not in manifest
    assert gz(manifest) < 3 * 1024
    listed = (big_site / "assets" / "courseforge" / "course-quizzes.js").read_bytes()
    assert listed.count(b'"id":"q') == MODULES * PER_MODULE
