"""How long `courseforge generate` takes on the shipped seeds and on a corpus 100x larger.

Prints seconds and seconds per MB of seed text for each, and the ratio of
the two per-MB figures. Targets (issue 3): under 3 s for the shipped seeds;
per-MB time at 100x no more than 1.5x the per-MB time at 1x.

The large corpus repeats every shipped seed 100 times under new ids, with a
few frequent words varied per copy so the copies are not identical text.
Each run generates into a fresh temporary copy of the course (load, plan,
select, pages, quizzes, writes), never touching the real course.

    /work/venv/bin/python benchmarks/generate_bench.py [--copies 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from courseforge.course import load_course_info
from courseforge.generate.run import generate
from courseforge.project import Project

REPO = Path(__file__).resolve().parents[1]
VARIED = ("migration", "development", "countries", "international", "social", "policy", "cooperation")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _tag(i: int) -> str:
    return LETTERS[i % 26] + LETTERS[(i // 26) % 26]


def make_course(dst: Path, copies: int) -> int:
    """A course folder with the shipped plan and ``copies`` copies of each seed; returns seed bytes."""
    for name in ("course.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, dst / name)
    seeds = dst / "seeds"
    seeds.mkdir()
    entries = yaml.safe_load((REPO / "seeds/sources.yml").read_text(encoding="utf-8"))
    out_entries, total = [], 0
    pattern = re.compile(r"\b(" + "|".join(VARIED) + r")\b")
    for i in range(copies):
        for e in entries:
            text = (REPO / "seeds" / e["file"]).read_text(encoding="utf-8")
            if i:
                tag = _tag(i)
                text = pattern.sub(lambda m: m.group(1) + tag, text)
            name = f"{i:03d}-{e['file']}" if i else e["file"]
            (seeds / name).write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
            out_entries.append({**e, "id": e["id"] if not i else f"{e['id']}-copy{i}", "file": name,
                                "title": e["title"] if not i else f"{e['title']} (copy {i})"})
    (seeds / "sources.yml").write_text(yaml.safe_dump(out_entries, sort_keys=False, allow_unicode=True),
                                       encoding="utf-8")
    return total


def run_once(copies: int) -> tuple[float, int, int, float]:
    with tempfile.TemporaryDirectory(prefix="cf-bench-") as tmp:
        root = Path(tmp)
        size = make_course(root, copies)
        project = Project(root)
        info = load_course_info(project)
        start, cpu = time.perf_counter(), time.process_time()
        result = generate(project, info)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        questions = sum(len(m.quiz.questions) for m in result.course.modules)
        return elapsed, size, questions, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=100, help="how many times larger the big corpus is (default 100)")
    ap.add_argument("--repeat", type=int, default=3, help="runs on the shipped seeds; the fastest counts (default 3)")
    args = ap.parse_args(argv)
    runs = [run_once(1) for _ in range(max(1, args.repeat))]
    t1, size1, q1, c1 = min(runs)
    mb1 = size1 / 1e6
    # CPU time as well: on a busy machine the wall time says more about the other processes
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print(f"shipped seeds: {size1 / 1024:.0f} KB, {q1} questions, {t1:.2f} s wall, {c1:.2f} s CPU "
          f"({t1 / mb1:.2f} s/MB)  target < 3 s: {'met' if t1 < 3 else 'NOT met'} (wall), "
          f"{'met' if c1 < 3 else 'NOT met'} (CPU)")
    tn, sizen, qn, cn = run_once(args.copies)
    mbn = sizen / 1e6
    ratio = (tn / mbn) / (t1 / mb1)
    print(f"{args.copies}x corpus: {sizen / 1e6:.1f} MB, {qn} questions, {tn:.2f} s wall, {cn:.2f} s CPU "
          f"({tn / mbn:.2f} s/MB)")
    print(f"per-MB ratio {args.copies}x / 1x: {ratio:.2f}  target <= 1.5: {'met' if ratio <= 1.5 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
