"""How long ``courseforge check`` takes: on the shipped course and on a bank of 2,000 questions.

Targets (issue 2): under 1 s on the shipped course, under 2 s on 2,000
questions. Each figure is the median of several runs of the real command in a
fresh process (interpreter start-up included, as a trainer would see it),
plus the in-process time of ``check_course`` alone.

    python benchmarks/check_bench.py [--runs 5] [--questions 2000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from courseforge.check import check_course_report
from courseforge.fsutil import write_atomic
from courseforge.project import Project
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.model import (
    FillBlank,
    Item,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Pair,
    Quiz,
    SingleChoice,
    SourceRef,
    TrueFalse,
)
from courseforge.sources.ingest import load_corpus

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("course.yml", "mkdocs.yml", "seeds", "modules", "quizzes", "schema")
PER_QUIZ = 100


def make_question(i: int, src: SourceRef, text: str):
    words = text.split()
    snippet = " ".join(words[:30]) or "text"
    common = dict(id=f"q{i}", prompt=f"Question {i}: according to the paragraph, {snippet}?",
                  explanation=f"The paragraph says: {' '.join(words[:60])}", source=src,
                  hints=["Read the paragraph again."], tags=["bench"])
    kind = i % 7
    if kind == 0:
        return SingleChoice(options=[Option(f"o{j}", f"Choice {j} {snippet[:40]}", j == 0) for j in range(4)],
                            **common)
    if kind == 1:
        return MultipleChoice(options=[Option(f"o{j}", f"Choice {j}", j < 2) for j in range(5)], **common)
    if kind == 2:
        return TrueFalse(answer=bool(i % 2), feedback_true="Look again.", **common)
    if kind == 3:
        common["prompt"] = f"Fill in: {snippet} ___."
        return FillBlank(answers=["remittances", "remittance"], **common)
    if kind == 4:
        return Numeric(answer=80, tolerance=1, unit="billion", **common)
    if kind == 5:
        return Matching(pairs=[Pair(f"p{j}", f"Left {j}", f"Right {j}") for j in range(4)], **common)
    return Ordering(items=[Item(f"i{j}", f"Step {j}") for j in range(4)], **common)


def make_bank(root: Path, n_questions: int) -> None:
    """A copy of the shipped course plus quizzes (and their module pages) totalling n_questions more."""
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.is_file():
            shutil.copy2(src, root / part)
    corpus, _ = load_corpus(root / "seeds", root)
    paras = [(d.id, p) for d in corpus.documents for p in d.paragraphs]
    n_quizzes = (n_questions + PER_QUIZ - 1) // PER_QUIZ
    k = 0
    for qn in range(n_quizzes):
        mid = f"{100 + qn}-bench-module"
        write_atomic(root / "modules" / f"{mid}.md",
                     f"---\nid: {mid}\ntitle: Bench module {qn}\norder: {100 + qn}\nstudy_time: 30\n"
                     f"sources: [{paras[0][0]}]\n---\n\n# Bench module {qn}\n\n<!-- quiz: {mid}-quiz -->\n")
        questions = []
        for i in range(min(PER_QUIZ, n_questions - k)):
            doc, p = paras[k % len(paras)]
            questions.append(make_question(i, SourceRef(doc, p.id), p.text))
            k += 1
        quiz = Quiz(id=f"{mid}-quiz", module=mid, title=f"Bench quiz {qn}", mode="practice", pass_mark=70,
                    questions=questions)
        write_atomic(root / "quizzes" / f"{mid}-quiz.yml", dump_quiz(quiz))


def time_cli(root: Path, runs: int) -> tuple[float, str, int]:
    times, out, rc = [], "", 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "courseforge", "check", "--course", str(root)],
                              capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        out, rc = proc.stdout.strip().splitlines()[-1], proc.returncode
    return statistics.median(times), out, rc


def time_inprocess(root: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_course_report(Project(root))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--questions", type=int, default=2000)
    args = ap.parse_args()

    rows = []
    cli, summary, rc = time_cli(ROOT, args.runs)
    rows.append(("shipped course", cli, time_inprocess(ROOT, args.runs), 1.0, summary, rc))
    with tempfile.TemporaryDirectory() as tmp:
        bank = Path(tmp) / "course"
        bank.mkdir()
        make_bank(bank, args.questions)
        size = sum(p.stat().st_size for p in (bank / "quizzes").glob("*.yml"))
        cli, summary, rc = time_cli(bank, args.runs)
        rows.append((f"+{args.questions} questions ({size / 1e6:.1f} MB of YAML)", cli,
                     time_inprocess(bank, args.runs), 2.0, summary, rc))

    print(f"courseforge check, median of {args.runs} runs (command = fresh process, core = check_course only)")
    ok = True
    for name, cli, core, target, summary, rc in rows:
        met = cli < target and rc == 0
        ok &= met
        print(f"  {name:<40} command {cli:6.3f} s  core {core:6.3f} s  target < {target:.0f} s  "
              f"{'OK' if met else 'MISSED'}  [{summary}]")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
