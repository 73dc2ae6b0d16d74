"""Benchmark ``courseforge grade``: 100,000 (and 1,000,000) submissions to a 20-question quiz.

Writes a small course that passes ``courseforge check`` (a fictional seed
document, a module page and the 20-question assessment quiz, every question
citing a paragraph of the document), then generates the submissions (seeded,
learners of varied ability, ~1.4 attempts each: 100,000 submissions come from
71,428 learners, a million from 714,285) as one JSON Lines file and/or as one
file per submission. Each measurement is a fresh process:

* parse only: a Python process that reads every submission and ``json.loads``
  it, nothing else;
* grade: the ``courseforge grade`` command itself (the console script, as a
  trainer runs it) over the same input, which checks the course's quizzes,
  validates, scores, picks attempts and writes results.json, the gradebook,
  the statistics and report.html.

Both pay the interpreter's start-up. It prints wall time, CPU time (user +
system of the process: on a shared machine wall time also measures the
neighbours), peak memory (``ru_maxrss``) and the ratio grade ÷ parse-only.
Targets (issue 14): at most 3× parse-only, at most 500 MB at a million.

With ``--repeat N`` parse-only and grade run N times each, alternately, and
the medians are printed. ``--million`` adds the 1,000,000-submission run (JSON
Lines only; about a minute to generate, a minute to grade on one core).

Usage: python benchmarks/grade_bench.py [--n 100000] [--million] [--input jsonl|files|both]
       [--keep DIR] [--repeat N]
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

    qs = []
    for i in range(1, QUESTIONS + 1):
        src = SourceRef(DOC_ID, str((i - 1) % PARAGRAPHS + 1))
        qid, common = f"q{i}", {"prompt": f"Question {i} about the handbook", "source": src,
                                "explanation": f"Paragraph {src.para} of the handbook says so."}
        kind = i % 10
        if kind in (1, 2, 3, 4):
            qs.append(SingleChoice(id=qid, **common, options=[Option(c, f"option {c}", c == "a") for c in "abcd"]))
        elif kind in (5, 6):
            qs.append(MultipleChoice(id=qid, **common, points=2,
                                     options=[Option(c, f"option {c}", c in "ab") for c in "abcde"]))
        elif kind == 7:
            qs.append(TrueFalse(id=qid, **common, answer=i % 2 == 0))
        elif kind == 8:
            qs.append(FillBlank(id=qid, **{**common, "prompt": "The handbook was written in ___."},
                                answers=["Geneva", "Genève"]) if i < 10 else
                      Numeric(id=qid, **common, answer=281.0, tolerance=1))
        elif kind == 9:
            qs.append(Matching(id=qid, **common, points=3,
                               pairs=[Pair(f"p{j}", f"left {j}", f"right {j}") for j in range(1, 5)]))
        else:
            qs.append(Ordering(id=qid, **common, points=2, items=[Item(f"i{j}", f"item {j}") for j in range(1, 5)]))
    return Quiz(id="bench-quiz", module=MODULE, title="Benchmark quiz", mode="assessment", pass_mark=60,
                questions=qs)


DOC_ID, MODULE, PARAGRAPHS, COURSE_ID = "lighthouse-handbook", "01-keeping", 10, "bench"


def write_course(root: Path) -> None:
    """A course folder whose quiz passes ``courseforge check``: a fictional lighthouse keepers'
    handbook as the one seed, one module page showing the quiz, the quiz's YAML."""
    from courseforge.quiz.dump import dump_quiz

    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "modules").mkdir(exist_ok=True)
    (root / "quizzes").mkdir(exist_ok=True)
    paragraphs = "\n\n".join(
        f"{n}. The keeper of a coastal light checks the lamp, the lens and the log book at every change of "
        f"watch; rule {n} of this handbook sets out how the watch number {n} is handed over and recorded."
        for n in range(1, PARAGRAPHS + 1))
    (root / "seeds" / "handbook.txt").write_text(f"Handbook for lighthouse keepers\n\n{paragraphs}\n",
                                                encoding="utf-8")
    (root / "seeds" / "sources.yml").write_text(
        f"- id: {DOC_ID}\n  file: handbook.txt\n  title: Handbook for lighthouse keepers\n"
        "  issuer: Coastal Lights Board (fictional)\n  date: \"2020-05-01\"\n  kind: handbook\n", encoding="utf-8")
    (root / "course.yml").write_text(f"id: {COURSE_ID}\ntitle: Keeping a light\nlanguage: en\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Keeping a light\ndocs_dir: modules\ntheme:\n  name: material\n"
                                     "  font: false\nplugins:\n  - search\n  - courseforge\n", encoding="utf-8")
    (root / "modules" / "index.md").write_text("---\ntitle: Home\n---\n\n# Keeping a light\n\nWelcome.\n",
                                               encoding="utf-8")
    (root / "modules" / f"{MODULE}.md").write_text(
        f"---\nid: {MODULE}\ntitle: Keeping the light\norder: 1\nstudy_time: 20\nsources: [{DOC_ID}]\n---\n\n"
        "# Keeping the light\n\nRead the handbook, then take the assessment.\n\n<!-- quiz: bench-quiz -->\n",
        encoding="utf-8")
    (root / "quizzes" / "bench-quiz.yml").write_text(dump_quiz(make_quiz()), encoding="utf-8")


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
            "format": "courseforge-submission/1", "course": COURSE_ID, "quiz": quiz.id, "quiz_version": version,
            "question_versions": qversions,
            "learner": {"id": f"learner-{lid:06d}", "name": f"Learner Nº {lid}"},
            "submitted_at": (start + timedelta(seconds=37 * k)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "answers": answers,
        }


PARSE = r"""
import json, os, sys
from pathlib import Path
target, loads, n = Path(sys.argv[1]), json.loads, 0
if target.is_file():
    with open(target, "rb") as fh:
        for line in fh:
            if line.strip():
                loads(line.decode("utf-8")); n += 1
else:
    for folder, dirs, names in os.walk(target):
        dirs.sort()
        for name in sorted(names):
            loads((Path(folder) / name).read_bytes().decode("utf-8")); n += 1
print(f"{n:,} submissions parsed")
"""

# Runs one command as its only child, so RUSAGE_CHILDREN is that command's alone.
WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": elapsed, "cpu": ru.ru_utime + ru.ru_stime, "peak_mb": ru.ru_maxrss / 1024,
                  "status": proc.returncode, "detail": proc.stdout.strip().splitlines()[-1:] or [""],
                  "stderr": proc.stderr[-2000:]}))
"""


def courseforge_command() -> list[str]:
    script = Path(sys.executable).with_name("courseforge")
    return [str(script)] if script.exists() else [sys.executable, "-m", "courseforge.cli"]


def measure(mode: str, target: Path, out: Path, course: Path) -> dict:
    if mode == "parse":
        cmd = [sys.executable, "-c", PARSE, str(target)]
    else:
        cmd = courseforge_command() + ["grade", str(target), "--out", str(out), "--course", str(course),
                                       "--no-progress"]
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    if r["status"] != 0:
        raise SystemExit(f"{mode} exited with status {r['status']}:\n{r['stderr']}")
    r["detail"] = r["detail"][0]
    return r


def check_course(course: Path) -> str:
    proc = subprocess.run(courseforge_command() + ["check", "--course", str(course)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"the benchmark's course fails courseforge check:\n{proc.stdout}{proc.stderr}")
    return proc.stdout.strip().splitlines()[-1]


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


def run_size(n: int, work: Path, inputs: str, repeat: int) -> None:
    course = work / "course"
    if not (course / "quizzes" / "bench-quiz.yml").exists():
        write_course(course)
    print(f"course: {check_course(course)}")
    data = work / f"{n}"
    data.mkdir(parents=True, exist_ok=True)
    jsonl, folder = data / "submissions.jsonl", data / "files"
    want_jsonl, want_files = inputs in ("jsonl", "both"), inputs in ("files", "both")
    make_jsonl, make_files = want_jsonl and not jsonl.exists(), want_files and not folder.exists()
    if make_jsonl or make_files:
        t = time.perf_counter()
        write_inputs(data, n, make_jsonl, make_files)
        print(f"generated {n:,} submissions to a {QUESTIONS}-question quiz in {time.perf_counter() - t:.1f} s "
              f"({data})")
    else:
        print(f"reusing the submissions in {data}")

    targets = ([("JSON Lines", jsonl)] if want_jsonl else []) + ([("one file each", folder)] if want_files else [])
    for label, target in targets:
        runs: dict[str, list[dict]] = {"parse": [], "grade": []}
        for _ in range(max(1, repeat)):
            runs["parse"].append(measure("parse", target, data / "out-parse", course))
            runs["grade"].append(measure("grade", target, data / f"out-{target.stem}", course))
        parse, graded = (median_run(runs[m]) for m in ("parse", "grade"))
        print(f"\n{n:,} submissions, {label}:" + (f" (medians of {repeat} runs each)" if repeat > 1 else ""))
        for name, r, mode in (("parse only", parse, "parse"), ("grade", graded, "grade")):
            print(f"  {name:<10} : {r['seconds']:6.2f} s wall, {r['cpu']:6.2f} s CPU, peak {r['peak_mb']:5.0f} MB"
                  f"   ({r['detail']})")
            if repeat > 1:
                print(f"  {'':<10}   CPU of each run: " + ", ".join(f"{x['cpu']:.2f}" for x in runs[mode]))
        print(f"  ratio      : {graded['seconds'] / parse['seconds']:.2f}× parse-only wall, "
              f"{graded['cpu'] / parse['cpu']:.2f}× CPU (targets: ≤ 3×, ≤ 500 MB at a million)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--million", action="store_true", help="also grade 1,000,000 submissions (JSON Lines)")
    ap.add_argument("--input", choices=("jsonl", "files", "both"), default="both")
    ap.add_argument("--keep", type=Path, default=None,
                    help="keep the generated course, inputs and outputs here (inputs already there are reused)")
    ap.add_argument("--repeat", type=int, default=1, help="measure each N times, alternately; print medians")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="grade-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        run_size(args.n, work, args.input, args.repeat)
        if args.million:
            run_size(1_000_000, work, "jsonl", args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
