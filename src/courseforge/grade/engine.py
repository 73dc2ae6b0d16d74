"""The grading run: read → check → score → keep the chosen attempt → write.

One pass over the input. Each submission is checked and scored as it is
read, its marks are streamed into results.json, and only the chosen
attempt per learner and quiz stays in memory (as arrays of numbers) for the
gradebook and the statistics. A bad submission costs only itself: it goes to
errors.csv and the run goes on.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from ..quiz.model import Quiz
from .attempts import AttemptBook
from .inputs import expand_inputs, read_records
from .outputs import ERROR_COLUMNS, GRADEBOOK_COLUMNS, CsvOut, ResultsWriter, fmt_num, json_num
from .stats import QuizStats, quiz_statistics
from .validate import QuizKey, Rejected, check_submission

KEEP_FOR_REPORT = 200  # errors and warnings listed in report.html (all are in the CSV files)


@dataclass
class Summary:
    graded: int = 0  # submissions (attempts) graded
    rejected: int = 0
    warnings: int = 0
    duplicates: int = 0
    learners: int = 0
    gradebook_rows: int = 0
    ignored_files: int = 0
    files: int = 0
    errors_shown: list[tuple[str, Any, str]] = field(default_factory=list)
    warnings_shown: list[tuple[str, Any, str]] = field(default_factory=list)
    stats: list[QuizStats] = field(default_factory=list)
    out_dir: Path | None = None

    def line(self, out_label: str) -> str:
        s = (f"graded {self.graded:,} submission{'s' if self.graded != 1 else ''} "
             f"from {self.learners:,} learner{'s' if self.learners != 1 else ''}")
        if self.rejected:
            s += f"; {self.rejected:,} rejected — see {out_label}/errors.csv"
        else:
            s += "; none rejected"
        if self.warnings:
            s += f"; {self.warnings:,} graded with a warning — see {out_label}/warnings.csv"
        return s


class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total_bytes: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = max(1, total_bytes)
        self.done = 0
        self.count = 0
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, nbytes: int) -> None:
        self.done += nbytes
        self.count += 1
        if not self.enabled or self.count & 255:
            return
        now = time.monotonic()
        if now - self.last < 0.2 or now - self.start < 1.0:
            return
        self.last = now
        frac = min(1.0, self.done / self.total)
        bar = "#" * int(frac * 30)
        self.stream.write(f"\rgrading [{bar:<30}] {frac * 100:3.0f}%  {self.count:,} submissions")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()


def _quiz_meta(key: QuizKey) -> dict[str, Any]:
    return {
        "title": key.quiz.title, "version": key.version, "max": json_num(key.max),
        "pass_mark": json_num(key.pass_mark), "multiple_scoring": key.quiz.multiple_scoring,
        "questions": [{"id": q.id, "type": q.type, "points": json_num(q.points)} for q in key.quiz.questions],
    }


def grade(inputs: list[str | Path], quizzes: list[Quiz], out_dir: Path, *, policy: str = "best",
          root: Path | None = None, course_id: str | None = None, progress: bool | None = None,
          report: bool = True, course_title: str = "") -> Summary:
    """Grade everything in ``inputs`` against ``quizzes``; write the outputs to ``out_dir``."""
    out_dir = Path(out_dir)
    keys = {q.id: QuizKey.compile(q) for q in quizzes}
    known = {qid for k in keys.values() for qid in k.qids}
    files, input_errors, ignored = expand_inputs(inputs, root, exclude=[out_dir])
    summary = Summary(ignored_files=ignored, files=len(files), out_dir=out_dir)
    book = AttemptBook(policy)

    out_dir.mkdir(parents=True, exist_ok=True)
    errors = CsvOut(out_dir / "errors.csv", ERROR_COLUMNS)
    warns = CsvOut(out_dir / "warnings.csv", ERROR_COLUMNS)
    results = ResultsWriter(out_dir / "results.json", policy, {k: _quiz_meta(v) for k, v in keys.items()})
    outputs = [errors, warns]
    bar = Progress(sum(p.stat().st_size for p, _ in files), enabled=progress)

    def reject(file: str, where: Any, reason: str) -> None:
        summary.rejected += 1
        errors.row(file, where or "", reason)
        if len(summary.errors_shown) < KEEP_FOR_REPORT:
            summary.errors_shown.append((file, where, reason))

    def warn(file: str, where: Any, reason: str) -> None:
        summary.warnings += 1
        warns.row(file, where or "", reason)
        if len(summary.warnings_shown) < KEEP_FOR_REPORT:
            summary.warnings_shown.append((file, where, reason))

    try:
        for _, file, where, reason, _ in input_errors:
            reject(file, where, reason)
        seq = 0
        add = book.add
        write = results.attempt
        for kind, file, where, payload, nbytes in read_records(files, root, known):
            bar.update(nbytes)
            if kind == "error":
                reject(file, where, payload)
                continue
            if kind == "warning":
                warn(file, where, payload)
                continue
            try:
                g = check_submission(payload, keys, course_id, kind == "csv")
            except Rejected as exc:
                reject(file, where, str(exc))
                continue
            seq += 1
            key = g.quiz
            fresh = add(g.learner_id, key.id, g.learner_name, g.submitted_at, g.timestamp, seq,
                        g.score, g.marks, g.choices)
            if not fresh:
                summary.duplicates += 1
                g.warnings.append("duplicate: an attempt with the same learner, quiz and submitted_at "
                                  "was already read; counted once")
            for w in g.warnings:
                warn(file, where, w)
            percent = g.score / key.max * 100 if key.max else 0.0
            rec = {
                "n": seq, "file": file, "line": where or None, "learner_id": g.learner_id,
                "learner_name": g.learner_name, "quiz": key.id, "submitted_at": g.submitted_at,
                "score": json_num(g.score), "max": json_num(key.max), "percent": round(percent, 2),
                "passed": percent >= key.pass_mark - 1e-9,
                "marks": dict(zip(key.qids, map(json_num, g.marks))),
            }
            if g.unanswered:
                rec["unanswered"] = g.unanswered
            if g.warnings:
                rec["warnings"] = g.warnings
            if not fresh:
                rec["duplicate"] = True
            else:
                summary.graded += 1
            write(rec)
        bar.close()

        gradebook = CsvOut(out_dir / "gradebook.csv", GRADEBOOK_COLUMNS)
        outputs.append(gradebook)
        graded_index = []
        learners = set()
        for e in book.graded():
            key = keys[e.quiz]
            percent = e.score / key.max * 100 if key.max else 0.0
            attempt = e.attempt
            gradebook.row(e.learner_id, e.name, e.quiz, fmt_num(e.score), fmt_num(key.max),
                          f"{percent:.2f}".rstrip("0").rstrip("."), "yes" if percent >= key.pass_mark - 1e-9 else "no",
                          attempt, e.submitted_at)
            graded_index.append({"quiz": e.quiz, "learner_id": e.learner_id, "n": e.seq, "attempt": attempt,
                                 "attempts": e.attempts})
            learners.add(e.learner_id)
        summary.learners = len(learners)
        summary.gradebook_rows = gradebook.rows
        summary.stats = [quiz_statistics(k, sorted(book.by_quiz(qid), key=lambda e: e.learner_id))
                         for qid, k in keys.items()]
        del book
        results.finish(graded_index, {
            "graded": summary.graded, "rejected": summary.rejected, "warnings": summary.warnings,
            "duplicates": summary.duplicates, "learners": summary.learners,
        })
        outputs.append(results)
        if report:
            from .outputs import AtomicFile
            from .report import render_report

            html = AtomicFile(out_dir / "report.html")
            outputs.append(html)
            html.write(render_report(summary, keys, policy, course_title))
    except BaseException:
        for o in outputs if results in outputs else outputs + [results]:
            (o.file if hasattr(o, "file") else o).discard()
        raise
    # Everything is written: rename into place, the gradebook last.
    for o in sorted(outputs, key=lambda o: o is gradebook):
        (o.file if hasattr(o, "file") else o).commit()
    return summary
