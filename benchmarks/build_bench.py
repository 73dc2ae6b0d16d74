"""Site build time: the shipped course, and the plugin's cost against a plain MkDocs build.

Prints:
* the shipped course's build time (courseforge build, strict, checker included);
* the same Markdown built by plain MkDocs + Material without the courseforge plugin
  (no quizzes), and the ratio;
* a generated course of 100 modules x 20 questions (2,000 questions, all seven
  types), with and without the plugin, and the ratio (target: <= 1.3x);
* the size budgets: quiz JS + CSS gzipped (<= 15 KB) and a module page's first
  view gzipped (<= 100 KB).

The plugin checks the course in a forked child while MkDocs reads the pages, so
wall time gains from a free second core; CPU time (parent and child) is printed
too, since on a loaded machine there is no free core to gain from. The load
average before and after says how busy the machine was; --inline also times
the 2,000-question build with the check in the build's own process
(``background: false``), to see what the second process gains.
Times are medians of several runs, ours and plain alternating; ratios are medians of
per-pair ratios. Run: python benchmarks/build_bench.py [--runs N] [--inline]
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
from courseforge.site.course import clear_caches  # noqa: E402
from courseforge.sources.ingest import load_corpus  # noqa: E402


def plain_build(root: Path, site: Path) -> None:
    """MkDocs + Material on the same pages, without the courseforge plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    plain = root / "mkdocs-plain.yml"
    plain.write_text(re.sub(r"\n  - courseforge(:\n(    .*\n)*)?\n?", "\n", text + "\n"), encoding="utf-8")
    build(load_config(str(plain), site_dir=str(site), strict=False))


CPU: dict[str, list[float]] = {}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the background checker)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def paired(ours, plain, runs: int, label: str = "") -> tuple[float, float, float]:
    """Median wall times of ``ours`` and ``plain``, and the median of their per-pair ratios.

    Runs alternate (ours, plain, ours, plain, ...) so a change in machine load
    hits both sides alike; a warm-up run of each comes first. CPU seconds are
    kept in CPU[label] as (ours, plain) medians.
    """
    ours()
    plain()
    a, b, ca, cb = [], [], [], []
    for _ in range(runs):
        for fn, out, cpu in ((ours, a, ca), (plain, b, cb)):
            start, c0 = time.perf_counter(), cpu_seconds()
            fn()
            out.append(time.perf_counter() - start)
            cpu.append(cpu_seconds() - c0)
    CPU[label] = [statistics.median(ca), statistics.median(cb)]
    return statistics.median(a), statistics.median(b), statistics.median(x / y for x, y in zip(a, b))


def cold_build(root: Path, site: Path) -> None:
    """``courseforge build`` as a new process does it: nothing read by an earlier build is reused."""
    clear_caches()
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


def first_view(site: Path, page: Path) -> int:
    html = page.read_text(encoding="utf-8")
    total = gz(html.encode("utf-8"))
    refs = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    return total + sum(gz((page.parent / r).resolve().read_bytes()) for r in refs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--modules", type=int, default=100)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--inline", action="store_true", help="also time the build without the background check")
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")

    with tempfile.TemporaryDirectory(prefix="cf-build-bench-") as tmp_name:
        tmp = Path(tmp_name)
        shipped = course_copy(tmp, "shipped")
        n_quiz = len(list((shipped / "quizzes").glob("*.yml")))
        t_ship, t_ship_plain, r_ship = paired(lambda: cold_build(shipped, tmp / "site-ship"),
                                              lambda: plain_build(shipped, tmp / "site-ship-plain"), args.runs, "ship")
        print(f"shipped course ({n_quiz} quizzes): courseforge build {t_ship:.2f} s, "
              f"plain MkDocs {t_ship_plain:.2f} s, ratio {r_ship:.2f}x")

        big = big_course(tmp, args.modules, args.questions)
        total = args.modules * args.questions
        t_big, t_big_plain, ratio = paired(lambda: cold_build(big, tmp / "site-big"),
                                           lambda: plain_build(big, tmp / "site-big-plain"), args.runs, "big")
        print(f"{args.modules} modules x {args.questions} questions ({total} questions): courseforge build {t_big:.2f} s, "
              f"plain MkDocs {t_big_plain:.2f} s, ratio {ratio:.2f}x (target <= 1.3x) "
              f"{'OK' if ratio <= 1.3 else 'OVER TARGET'}")
        if args.inline:
            inline = tmp / "big-inline"
            shutil.copytree(big, inline)
            yml = inline / "mkdocs.yml"
            yml.write_text(yml.read_text(encoding="utf-8").replace("  - courseforge\n",
                                                                   "  - courseforge:\n      background: false\n"),
                           encoding="utf-8")
            t_in, t_in_plain, r_in = paired(lambda: cold_build(inline, tmp / "site-inline"),
                                            lambda: plain_build(inline, tmp / "site-inline-plain"), args.runs, "inline")
            print(f"the same, check inline (background: false): courseforge build {t_in:.2f} s, "
                  f"plain MkDocs {t_in_plain:.2f} s, ratio {r_in:.2f}x")
        for label, name in (("ship", "shipped course"), ("big", f"{total} questions"), ("inline", "check inline")):
            if label not in CPU:
                continue
            ours_cpu, plain_cpu = CPU[label]
            print(f"CPU time, {name}: courseforge {ours_cpu:.2f} s (checker in a child process included), "
                  f"plain {plain_cpu:.2f} s, ratio {ours_cpu / plain_cpu:.2f}x")

        assets = REPO / "src" / "courseforge" / "assets"
        quiz_gz = gz((assets / "quiz.js").read_bytes()) + gz((assets / "quiz.css").read_bytes())
        print(f"quiz.js + quiz.css gzipped: {quiz_gz / 1024:.1f} KB (budget 15 KB)")
        site = tmp / "site-ship"
        modules = {p.stem for p in (shipped / "modules").glob("*.md") if p.read_text(encoding="utf-8").startswith("---\nid:")}
        views = {p.parent.name: first_view(site, p) for p in sorted(site.glob("*/index.html"))}
        module_views = {k: v for k, v in views.items() if k in modules}
        if module_views:
            name = max(module_views, key=module_views.get)
            print(f"largest first view of a shipped module page (HTML + JS + CSS, gzipped): "
                  f"{module_views[name] / 1024:.1f} KB ({name}; budget 100 KB)")
        others = {k: v for k, v in views.items() if k not in modules}
        if others:
            name = max(others, key=others.get)
            print(f"largest first view of another page: {others[name] / 1024:.1f} KB ({name})")
        big_page = tmp / "site-big" / "001-module" / "index.html"
        print(f"first view of a 20-question module page: {first_view(tmp / 'site-big', big_page) / 1024:.1f} KB")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
