"""Site build time and size: the plugin's cost against a plain MkDocs build, first views, serve.

Prints:
* the shipped course's build (courseforge build, strict, checker included) against
  the same Markdown built by plain MkDocs + Material without the courseforge plugin;
* generated courses of 100 pages x 20 questions and of 1,000 pages x 2 questions
  (2,000 questions each, all seven types), with and without the plugin: wall and CPU
  ratios, each the median of per-pair ratios (target: CPU <= 1.3x); at 100 pages also
  the first build of the course on a machine, before anything is kept in the user's cache folder;
* the first view of pages (HTML + the scripts and stylesheets it loads, gzipped, for a
  learner who has not started) at 100 and 1,000 quizzes (budget 100 KB), the same pages
  for a learner with progress (the home page and certificate then load the list of
  quizzes too), and quiz JS + CSS (budget 15 KB);
* `courseforge serve` on the 100-page course: seconds from writing an edit to one
  quiz to the edited page being served (target < 1 s).

By default the benchmark runs on one core (the process and the serve child are pinned
to the first CPU they may use), where the background check has no free core to gain
from; --all-cores lets them use every CPU. Each build starts cold (nothing read by an
earlier build in this process is reused), as a new `courseforge build` does. Runs
alternate ours and plain after a warm-up of each, so a change in machine load hits both
alike; the load average before and after says how busy the machine was. --inline also
times the 100-page build with the check in the build's own process (``background: false``).
Run: python benchmarks/build_bench.py [--runs N] [--inline] [--all-cores] [--no-serve]
"""

from __future__ import annotations

import argparse
import gzip
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from courseforge.project import Project  # noqa: E402
from courseforge.quiz.dump import dump_quiz  # noqa: E402
from courseforge.quiz.model import (  # noqa: E402
    Distractor, FillBlank, Item, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, Quiz,
    SingleChoice, SourceRef, TrueFalse,
)
from courseforge.site.build import build_site  # noqa: E402
try:
    from courseforge.site.course import clear_caches  # noqa: E402
except ImportError:  # a tree from before builds reused what they read: every build is cold
    def clear_caches() -> None:
        pass
from courseforge.sources.ingest import load_corpus  # noqa: E402
try:
    from courseforge.site.templates import COMPILED  # noqa: E402
except ImportError:  # a tree from before compiled templates were kept on disk
    COMPILED = None
try:  # what a build keeps in the user's cache folder: compiled templates, quiz files and seeds read
    from courseforge.check import READ_SEEDS  # noqa: E402
    from courseforge.quiz.load import READ_FILES  # noqa: E402
except ImportError:  # a tree from before quiz files and seeds were kept on disk
    READ_FILES = READ_SEEDS = None
USER_CACHES = (COMPILED, READ_FILES, READ_SEEDS)


def plain_build(root: Path, site: Path) -> None:
    """MkDocs + Material on the same pages, without the courseforge plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plain = root / "mkdocs-plain.yml"
    plain.write_text(re.sub(r"\n  - courseforge(:\n(    .*\n)*)?\n?", "\n", text + "\n"), encoding="utf-8")
    build(load_config(str(plain), site_dir=str(site), strict=False))


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the background checker)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def cold_build(root: Path, site: Path, first: bool = False) -> None:
    """``courseforge build`` as a new process does it: nothing read by an earlier build is reused.

    What earlier builds kept in the user's cache folder (compiled templates, quiz files and seeds
    read) is taken from it, as a second build of the course reads it; ``first`` starts from an empty
    folder, as the first build of a course on a machine does.
    """
    clear_caches()
    caches = [c for c in USER_CACHES if c is not None]
    if first and caches:
        previous = [c.directory for c in caches]
        empty = Path(tempfile.mkdtemp(prefix="cf-first-build-"))
        for i, c in enumerate(caches):
            c.directory = empty / str(i)
        try:
            build_site(Project(root), site, strict=True)
        finally:
            shutil.rmtree(empty, ignore_errors=True)
            for c, directory in zip(caches, previous):
                c.directory = directory
        return
    build_site(Project(root), site, strict=True)


def course_copy(tmp: Path, name: str) -> Path:
    root = tmp / name
    for part in ("seeds", "modules", "quizzes", "schema"):
        if (REPO / part).exists():
            shutil.copytree(REPO / part, root / part)
    for f in ("course.yml", "mkdocs.yml"):
        shutil.copy(REPO / f, root / f)
    return root


def questions(n: int, refs: list[SourceRef], prefix: str) -> list:
    out = []
    for i in range(n):
        ref, qid, kind = refs[i % len(refs)], f"{prefix}-q{i + 1}", i % 7
        common = dict(id=qid, explanation=f"Because paragraph {ref.para} says so, in plain words.", source=ref,
                      hints=["Read the paragraph again."])
        if kind == 0:
            out.append(SingleChoice(prompt=f"Question {i}: which statement matches the text?", options=[
                Option("a", "The first statement", True, "Right."), Option("b", "The second statement", False, "No."),
                Option("c", "The third statement", False), Option("d", "The fourth statement", False)], **common))
        elif kind == 1:
            out.append(MultipleChoice(prompt=f"Question {i}: which apply?", options=[
                Option("a", "One", True), Option("b", "Two", True), Option("c", "Three", False)], **common))
        elif kind == 2:
            out.append(TrueFalse(prompt=f"Question {i}: the text says this.", answer=i % 2 == 0, **common))
        elif kind == 3:
            out.append(FillBlank(prompt=f"Question {i}: money sent home is called ___.", answers=["remittances"], **common))
        elif kind == 4:
            out.append(Numeric(prompt=f"Question {i}: in which year?", answer=2004, tolerance=0, **common))
        elif kind == 5:
            out.append(Matching(prompt=f"Question {i}: match them.", pairs=[
                Pair("p1", "Left A", "Right A"), Pair("p2", "Left B", "Right B"), Pair("p3", "Left C", "Right C")],
                distractors=[Distractor("d1", "Right D")], **common))
        else:
            out.append(Ordering(prompt=f"Question {i}: put them in order.", items=[
                Item("i1", "First"), Item("i2", "Second"), Item("i3", "Third"), Item("i4", "Fourth")], **common))
    return out


def big_course(tmp: Path, modules: int, per_quiz: int) -> Path:
    """A course of ``modules`` module pages of real seed text, each with a quiz of ``per_quiz`` questions."""
    root = course_copy(tmp, "big")
    shutil.rmtree(root / "modules")
    shutil.rmtree(root / "quizzes")
    (root / "modules").mkdir()
    (root / "quizzes").mkdir()
    corpus, _ = load_corpus(root / "seeds", root)
    paras = [(d.id, p) for d in corpus.documents for p in d.paragraphs]
    refs = [SourceRef(doc, p.id) for doc, p in paras]
    docs = sorted({d.id for d in corpus.documents})
    (root / "modules" / "index.md").write_text("---\ntitle: Home\n---\n\n# Big course\n\nWelcome.\n", encoding="utf-8")
    for m in range(1, modules + 1):
        mid = f"{m:03d}-module"
        body = "\n\n".join(p.text for _, p in paras[(m * 7) % len(paras):][:8])
        (root / "modules" / f"{mid}.md").write_text(
            f"---\nid: {mid}\ntitle: Module {m}\norder: {m}\nstudy_time: 30\nsources: [{', '.join(docs)}]\n---\n\n"
            f"# Module {m}\n\n## Overview\n\n{body}\n\n## Key takeaways\n\n- One\n- Two\n", encoding="utf-8")
        quiz = Quiz(id=f"quiz-{m:03d}", module=mid, title=f"Quiz {m}", mode="practice" if m % 10 else "assessment",
                    pass_mark=70, questions=questions(per_quiz, refs[m:] + refs[:m], f"m{m}"))
        (root / "quizzes" / f"quiz-{m:03d}.yml").write_text(dump_quiz(quiz), encoding="utf-8")
    # sources.md, glossary etc. of the shipped course are not needed here
    return root


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_view(site: Path, page: Path, with_progress: bool = False) -> int:
    """Gzipped bytes of a page and what it loads at once (404.html names files from the site root).

    A learner who has not started loads no list of quizzes; ``with_progress`` counts it on the
    pages where quiz.js loads it for a learner who has progress (home page, certificate).
    """
    html = page.read_text(encoding="utf-8")
    total = gz(html.encode("utf-8"))
    refs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    shows_progress = "data-cf-progress" in html or "data-cf-certificate" in html
    if with_progress and shows_progress:
        refs += [r.replace("course.js", "course-quizzes.js") for r in refs if r.endswith("courseforge/course.js")]
    for ref in refs:
        ref = ref.split("?")[0]
        path = site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
        if path.exists() or not path.name == "course-quizzes.js":  # a build from before the list had its own file
            total += gz(path.resolve().read_bytes())
    return total


def largest_first_views(site: Path, course: Path, with_progress: bool = False) -> tuple[tuple[str, int], tuple[str, int]]:
    """(page, bytes) of the largest first view among module pages, and among the other pages."""
    modules = {p.stem for p in (course / "modules").glob("*.md") if p.read_text(encoding="utf-8").startswith("---\nid:")}
    views = {p.relative_to(site).as_posix(): first_view(site, p, with_progress) for p in site.rglob("*.html")}
    module = {k: v for k, v in views.items() if k.split("/")[0].removesuffix(".html") in modules}
    other = {k: v for k, v in views.items() if k not in module}
    pick = lambda d: max(d.items(), key=lambda kv: kv[1]) if d else ("-", 0)  # noqa: E731
    return pick(module), pick(other)


def paired_build(root: Path, tmp: Path, runs: int, label: str, first: bool = False) -> dict[str, float]:
    """Cold courseforge builds and plain builds, alternating: medians and per-pair ratios."""
    ours = lambda: cold_build(root, tmp / f"site-{label}", first)  # noqa: E731
    plain = lambda: plain_build(root, tmp / f"site-{label}-plain")  # noqa: E731
    ours()
    plain()
    rows = []
    for _ in range(runs):
        row = []
        for fn in (ours, plain):
            start, c0 = time.perf_counter(), cpu_seconds()
            fn()
            row += [time.perf_counter() - start, cpu_seconds() - c0]
        rows.append(row)
    med = lambda xs: statistics.median(xs)  # noqa: E731
    return {
        "wall": med(r[0] for r in rows), "wall_plain": med(r[2] for r in rows),
        "cpu": med(r[1] for r in rows), "cpu_plain": med(r[3] for r in rows),
        "wall_ratio": med(r[0] / r[2] for r in rows), "cpu_ratio": med(r[1] / r[3] for r in rows),
        "cpu_ratios": [round(r[1] / r[3], 2) for r in rows],
    }


def report(name: str, r: dict[str, float], target: float | None = 1.3) -> None:
    flag = "" if target is None else (" OK" if r["cpu_ratio"] <= target else " OVER TARGET")
    print(f"{name}: wall {r['wall']:.2f} s vs plain {r['wall_plain']:.2f} s, ratio {r['wall_ratio']:.2f}x; "
          f"CPU {r['cpu']:.2f} s vs {r['cpu_plain']:.2f} s, ratio {r['cpu_ratio']:.2f}x "
          f"(pairs {r['cpu_ratios']}{'' if target is None else f'; target <= {target}x'}){flag}")


def serve_edit_seconds(root: Path, edits: int, cpus: set[int] | None) -> list[float]:
    """`courseforge serve` on ``root``: seconds from writing an edit to one quiz to the page showing it."""
    import socket
    import subprocess
    import urllib.request

    def fetch(url: str) -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode("utf-8")
        except OSError:
            return ""

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    quiz = root / "quizzes" / "quiz-001.yml"
    original = quiz.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/001-module/"
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "courseforge", "serve", "--addr", f"127.0.0.1:{port}"], cwd=root,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None)
    times = []
    try:
        end = time.monotonic() + 300
        while time.monotonic() < end and "Quiz 1<" not in fetch(url):
            time.sleep(0.2)
        time.sleep(1.0)
        for i in range(edits):
            title = f"Quiz 1, edit {i + 1}"
            start = time.monotonic()
            quiz.write_text(original.replace("title: Quiz 1\n", f"title: {title}\n"), encoding="utf-8")
            while title not in fetch(url) and time.monotonic() - start < 60:
                time.sleep(0.05)
            times.append(time.monotonic() - start)
            time.sleep(1.0)
    finally:
        quiz.write_text(original, encoding="utf-8")
        proc.terminate()
        proc.wait(timeout=20)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--inline", action="store_true", help="also time the 100-page build without the background check")
    parser.add_argument("--all-cores", action="store_true", help="use every CPU (default: one core)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cpus = None
    if not args.all_cores and hasattr(os, "sched_setaffinity"):
        cpus = {min(os.sched_getaffinity(0))}
        os.sched_setaffinity(0, cpus)
    where = f"one core (CPU {next(iter(cpus))})" if cpus else f"{os.cpu_count()} cores"
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores; running on {where})")

    with tempfile.TemporaryDirectory(prefix="cf-build-bench-") as tmp_name:
        tmp = Path(tmp_name)
        shipped = course_copy(tmp, "shipped")
        n_quiz = len(list((shipped / "quizzes").glob("*.yml")))
        report(f"shipped course ({n_quiz} quizzes)", paired_build(shipped, tmp, args.runs, "ship"), None)

        big = {}
        for pages, per_quiz in ((100, 20), (1000, 2)):
            root = big_course(tmp / f"c{pages}", pages, per_quiz)
            big[pages] = root
            report(f"{pages} pages x {per_quiz} questions ({pages * per_quiz} questions)",
                   paired_build(root, tmp, args.runs, f"big{pages}"))
            if pages == 100 and COMPILED is not None:
                report("  the same, as the first build on a machine (nothing kept in the cache folder yet)",
                       paired_build(root, tmp, args.runs, f"first{pages}", first=True), None)
            (mname, mview), (oname, oview) = largest_first_views(tmp / f"site-big{pages}", root)
            print(f"  first view at {pages} quizzes: largest module page {mview / 1024:.1f} KB ({mname}), "
                  f"largest other page {oview / 1024:.1f} KB ({oname}); budget 100 KB")
            (_, _), (pname, pview) = largest_first_views(tmp / f"site-big{pages}", root, with_progress=True)
            print(f"  a learner with progress, at {pages} quizzes: largest other page {pview / 1024:.1f} KB ({pname}), "
                  "with the list of quizzes")
        if args.inline:
            inline = tmp / "big-inline"
            shutil.copytree(big[100], inline)
            yml = inline / "mkdocs.yml"
            yml.write_text(yml.read_text(encoding="utf-8").replace("  - courseforge\n",
                                                                   "  - courseforge:\n      background: false\n"),
                           encoding="utf-8")
            report("100 pages, check inline (background: false)", paired_build(inline, tmp, args.runs, "inline"))

        assets = REPO / "src" / "courseforge" / "assets"
        quiz_gz = gz((assets / "quiz.js").read_bytes()) + gz((assets / "quiz.css").read_bytes())
        print(f"quiz.js + quiz.css gzipped: {quiz_gz / 1024:.1f} KB (budget 15 KB)")
        (mname, mview), (oname, oview) = largest_first_views(tmp / "site-ship", shipped)
        print(f"shipped course first view: largest module page {mview / 1024:.1f} KB ({mname}), "
              f"largest other page {oview / 1024:.1f} KB ({oname})")

        if not args.no_serve:
            times = serve_edit_seconds(big[100], 5, cpus)
            med = statistics.median(times)
            print(f"serve, 100 pages: edit to one quiz -> page served in {med:.2f} s median "
                  f"({', '.join(f'{t:.2f}' for t in times)}; target < 1 s){' OK' if med < 1 else ' OVER TARGET'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
