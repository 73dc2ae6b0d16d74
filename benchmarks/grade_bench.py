"""Benchmark ``courseforge grade``: 100,000 submissions to a 20-question quiz.

Generates the submissions (seeded, learners of varied ability, ~1.4 attempts
each) as one JSON Lines file and/or as one file per submission, then, each
in a fresh child process, measures

* parse only: read every submission and ``json.loads`` it, nothing else;
* grade: :func:`courseforge.grade.engine.grade` over the same input
  (validation, scoring, attempts, results.json, gradebook, statistics,
  report.html);

and prints wall time, peak memory (``ru_maxrss`` of the child) and the
ratio grade ÷ parse-only. Targets (issue 5): ≤ 10 s, ≤ 500 MB, ≤ 3×.

Wall time is what the targets speak of; CPU time is printed beside it
because on a shared machine wall time also measures the neighbours. With
``--repeat N`` parse-only and grade run N times each, alternately, and the
medians are printed (with every run's CPU time), which steadies figures
taken on a busy machine.

Usage: python benchmarks/grade_bench.py [--n 100000] [--input jsonl|files|both] [--keep DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

QUESTIONS = 20


def make_quiz():
    from courseforge.quiz.model import (
        FillBlank, Item, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, Quiz, SingleChoice,
        SourceRef, TrueFalse,
    )

    src = SourceRef("doc", "1")
    qs = []
    for i in range(1, QUESTIONS + 1):
        qid, common = f"q{i}", {"prompt": f"Question {i}", "explanation": "", "source": src}
        kind = i % 10
        if kind in (1, 2, 3, 4):
            qs.append(SingleChoice(id=qid, **common, options=[Option(c, f"option {c}", c == "a") for c in "abcd"]))
        elif kind in (5, 6):
            qs.append(MultipleChoice(id=qid, **common, points=2,
                                     options=[Option(c, f"option {c}", c in "ab") for c in "abcde"]))
        elif kind == 7:
            qs.append(TrueFalse(id=qid, **common, answer=i % 2 == 0))
        elif kind == 8:
            qs.append(FillBlank(id=qid, **common, answers=["Geneva", "Genève"]) if i < 10 else
                      Numeric(id=qid, **common, answer=281.0, tolerance=1))
        elif kind == 9:
            qs.append(Matching(id=qid, **common, points=3,
                               pairs=[Pair(f"p{j}", f"left {j}", f"right {j}") for j in range(1, 5)]))
        else:
            qs.append(Ordering(id=qid, **common, points=2, items=[Item(f"i{j}", f"item {j}") for j in range(1, 5)]))
    return Quiz(id="bench-quiz", module="m", title="Benchmark quiz", mode="assessment", pass_mark=60, questions=qs)


def generate(n: int, seed: int = 5):
    """Yield n submissions (dicts) to the benchmark quiz."""
    from courseforge.quiz.public import public_question_version, quiz_version

    quiz = make_quiz()
    version = quiz_version(quiz)
    qversions = {q.id: public_question_version(q) for q in quiz.questions}
    rnd = random.Random(seed)
    learners = max(1, int(n / 1.4))
    start = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)
    for k in range(n):
        lid = k if k < learners else rnd.randrange(learners)
        ability = (lid * 7919 % 1000) / 1000
        answers = {}
        for q in quiz.questions:
            right = rnd.random() < 0.25 + 0.7 * ability
            t = q.type
            if t == "single":
                answers[q.id] = "a" if right else rnd.choice("bcd")
            elif t == "multiple":
                answers[q.id] = ["a", "b"] if right else rnd.sample("abcde", rnd.randint(1, 3))
            elif t == "true_false":
                answers[q.id] = q.answer if right else not q.answer
            elif t == "fill_blank":
                answers[q.id] = rnd.choice(["Geneva", "geneva ", "GENÈVE"]) if right else rnd.choice(["Bern", "Paris"])
            elif t == "numeric":
                answers[q.id] = 281 if right else rnd.choice([250, 300.5])
            elif t == "matching":
                ids = [p.id for p in q.pairs]
                if not right:
                    rnd.shuffle(ids)
                answers[q.id] = {p.id: r for p, r in zip(q.pairs, ids)}
            else:
                ids = [it.id for it in q.items]
                if not right:
                    rnd.shuffle(ids)
                answers[q.id] = ids
        yield {
            "format": "courseforge-submission/1", "course": "bench", "quiz": quiz.id, "quiz_version": version,
            "question_versions": qversions,
            "learner": {"id": f"learner-{lid:06d}", "name": f"Learner Nº {lid}"},
            "submitted_at": (start + timedelta(seconds=37 * k)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "answers": answers,
        }


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {bench_dir!r})
from grade_bench import make_quiz  # the harness (argparse, subprocess...) is loaded before either clock starts
mode, target, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
t0, c0 = time.perf_counter(), time.process_time()
if mode == "parse":
    loads, n = json.loads, 0
    if target.is_file():
        with open(target, "rb") as fh:
            for line in fh:
                if line.strip():
                    loads(line.decode("utf-8")); n += 1
    else:
        import os
        for folder, dirs, names in os.walk(target):
            dirs.sort()
            for name in sorted(names):
                loads((Path(folder) / name).read_bytes().decode("utf-8")); n += 1
    detail = f"{{n:,}} submissions parsed"
else:
    from courseforge.grade.engine import grade  # the grader's own start-up is timed
    s = grade([target], [make_quiz()], out, progress=False, course_id="bench")
    detail = s.line(str(out))
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": elapsed, "cpu": cpu, "peak_mb": rss, "detail": detail}}))
"""


def measure(mode: str, target: Path, out: Path) -> dict:
    code = CHILD.format(bench_dir=str(Path(__file__).resolve().parent))
    proc = subprocess.run([sys.executable, "-c", code, mode, str(target), str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_run(runs: list[dict]) -> dict:
    """Median wall time, CPU time and peak memory of several runs (each taken separately)."""
    return {"seconds": statistics.median(r["seconds"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "peak_mb": statistics.median(r["peak_mb"] for r in runs), "detail": runs[-1]["detail"]}


def write_inputs(work: Path, n: int, jsonl: bool, files: bool) -> None:
    """The same submissions as one JSON Lines file and/or one file each (1,000 per folder)."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    folder = work / "files"
    with contextlib.ExitStack() as stack:
        fh = stack.enter_context(open(work / "submissions.jsonl", "w", encoding="utf-8")) if jsonl else None
        for k, sub in enumerate(generate(n)):
            text = dumps(sub)
            if fh:
                fh.write(text + "\n")
            if files:
                d = folder / f"{k // 1000:03d}"
                if k % 1000 == 0:
                    d.mkdir(parents=True, exist_ok=True)
                (d / f"submission-{k:06d}.json").write_text(text, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--input", choices=("jsonl", "files", "both"), default="both")
    ap.add_argument("--keep", type=Path, default=None,
                    help="keep the generated inputs and outputs here (inputs already there are reused)")
    ap.add_argument("--repeat", type=int, default=1, help="measure each N times, alternately; print medians")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="grade-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl, folder = work / "submissions.jsonl", work / "files"
    want_jsonl = args.input in ("jsonl", "both")
    want_files = args.input in ("files", "both")
    make_jsonl, make_files = want_jsonl and not jsonl.exists(), want_files and not folder.exists()
    if make_jsonl or make_files:
        t = time.perf_counter()
        write_inputs(work, args.n, make_jsonl, make_files)
        print(f"generated {args.n:,} submissions to a {QUESTIONS}-question quiz in {time.perf_counter() - t:.1f} s "
              f"({work})")
    else:
        print(f"reusing the submissions in {work}")

    targets = ([("JSON Lines", jsonl)] if want_jsonl else []) + ([("one file each", folder)] if want_files else [])
    for label, target in targets:
        runs: dict[str, list[dict]] = {"parse": [], "grade": []}
        for _ in range(max(1, args.repeat)):
            runs["parse"].append(measure("parse", target, work / "out-parse"))
            runs["grade"].append(measure("grade", target, work / f"out-{target.stem}"))
        parse, graded = (median_run(runs[m]) for m in ("parse", "grade"))
        print(f"\n{label}:" + (f" (medians of {args.repeat} runs each)" if args.repeat > 1 else ""))
        for name, r, mode in (("parse only", parse, "parse"), ("grade", graded, "grade")):
            print(f"  {name:<10} : {r['seconds']:6.2f} s wall, {r['cpu']:6.2f} s CPU, peak {r['peak_mb']:5.0f} MB"
                  f"   ({r['detail']})")
            if args.repeat > 1:
                print(f"  {'':<10}   CPU of each run: " + ", ".join(f"{x['cpu']:.2f}" for x in runs[mode]))
        print(f"  ratio      : {graded['seconds'] / parse['seconds']:.2f}× parse-only wall, "
              f"{graded['cpu'] / parse['cpu']:.2f}× CPU (targets: ≤ 10 s, ≤ 500 MB, ≤ 3×)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
