"""The grading run: read → check → score → keep the chosen attempt → write.

One pass over the input. Each submission is checked and scored as it is
read, its marks are streamed into results.json, and only the chosen
attempt per learner and quiz stays in memory (its score, name and marks) for the
gradebook and the statistics. A bad submission costs only itself: it goes to
errors.csv and the run goes on.
"""

from __future__ import annotations

import gc

import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO

from ..quiz.model import Quiz
from .attempts import AttemptBook, Block
from .inputs import expand_inputs, read_records
from .outputs import (
    _FORMULA, ERROR_COLUMNS, GRADEBOOK_COLUMNS, AtomicFile, CsvOut, OutputSet, ResultsWriter, csv_safe, json_num,
)
from .stats import QuizStats, quiz_statistics
from .validate import QuizKey, Rejected, check_submission

_FORMULA_START = frozenset(_FORMULA)  # csv_safe's prefixes are single characters
assert all(len(p) == 1 for p in _FORMULA)

OUTPUT_NAMES = ("gradebook.csv", "results.json", "errors.csv", "warnings.csv", "report.html")
KEEP_FOR_REPORT = 200  # errors and warnings listed in report.html (all are in the CSV files)
LEARNERS_IN_REPORT = 1000  # per quiz; the gradebook has them all


@dataclass
class Summary:
    graded: int = 0  # submissions (attempts) graded
    rejected: int = 0
    warnings: int = 0
    duplicates: int = 0
    learners: int = 0
    gradebook_rows: int = 0
    skipped: Counter = field(default_factory=Counter)  # files skipped in the input folders, by reason
    files: int = 0
    errors_shown: list[tuple[str, Any, str]] = field(default_factory=list)
    warnings_shown: list[tuple[str, Any, str]] = field(default_factory=list)
    stats: list[QuizStats] = field(default_factory=list)
    # quiz id -> first rows of its gradebook: (learner id, name, score, percent, passed, attempt, attempts)
    learner_rows: dict[str, list[tuple]] = field(default_factory=dict)
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

    def __init__(self, files: list[tuple[str, str, str]], stream: TextIO | None = None,
                 enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = 1
        if self.enabled:  # sizes only when shown: stat-ing 100,000 files is not free
            self.total = max(1, sum(os.path.getsize(p) for p, _, _ in files if os.path.exists(p)))
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


def _write_gradebook(book: AttemptBook, keys: dict[str, QuizKey], gradebook: CsvOut, results: ResultsWriter,
                     summary: Summary) -> None:
    """One gradebook row per learner and quiz (the graded attempt), and results.json's "graded" list.

    Read straight from each quiz's Block, by quiz then learner id (as :meth:`AttemptBook.graded`
    lists them); the cells that depend only on the score (score, percent, passed) are formatted
    once per distinct score, and rows go to the CSV writer in batches.
    """
    writerows = gradebook.writer.writerows
    num = results.num
    results.begin_graded()
    for quiz in sorted(book.learners):
        key, block, rows_of = keys[quiz], book.blocks[quiz], book.learners[quiz]
        quiz_cell, max_cell, quiz_json = csv_safe(quiz), num(key.max), encode_basestring(quiz)
        scores, seqs, names, ats, others = block.score, block.seq, block.names, block.submitted, block.others
        by_score: dict[float, tuple] = {}  # score -> (score cell, percent cell, passed cell, percent, passed)
        shown = summary.learner_rows.setdefault(quiz, [])
        batch, graded = [], []
        for lid in sorted(rows_of):
            row = rows_of[lid]
            score, seq, name, at = scores[row], seqs[row], names[row], ats[row]
            cells = by_score.get(score)
            if cells is None:
                percent = key.percent(score)
                passed = key.passed(percent)
                cells = by_score[score] = (num(score), f"{percent:.2f}".rstrip("0").rstrip("."),
                                           "yes" if passed else "no", percent, passed)
            attempt, attempts = (block.attempt(row), len(others[row]) // 3) if row in others else (1, 1)
            # csv_safe written out (these are always text): a first character that starts a formula
            batch.append(("'" + lid if lid[:1] in _FORMULA_START else lid,
                          "'" + name if name[:1] in _FORMULA_START else name,
                          quiz_cell, cells[0], max_cell, cells[1], cells[2], attempt,
                          "'" + at if at[:1] in _FORMULA_START else at))
            graded.append((lid, seq, attempt, attempts))
            if len(batch) >= 1000:
                writerows(batch)
                results.graded_rows(quiz_json, graded)
                batch.clear()
                graded.clear()
            if len(shown) < LEARNERS_IN_REPORT:
                shown.append((lid, name, score, cells[3], cells[4], attempt, attempts))
        writerows(batch)
        results.graded_rows(quiz_json, graded)
    per_quiz = list(book.learners.values())
    summary.learners = len(per_quiz[0]) if len(per_quiz) == 1 else len(set().union(*per_quiz))
    summary.gradebook_rows = len(book)


class _Columns(Sequence):
    """A Block's columns, each read when asked for (all at once would not fit at a million rows)."""

    def __init__(self, load, k: int):
        self.load, self.k, self.last = load, k, (None, None)

    def __len__(self) -> int:
        return self.k

    def __getitem__(self, j):
        if self.last[0] != j:
            self.last = (j, self.load(j))
        return self.last[1]


def _statistics(key: QuizKey, block: Block | None) -> QuizStats:
    """Item statistics from a quiz's graded attempts (its Block's columns)."""
    k = len(key.qids)
    if block is None:
        return quiz_statistics(key, [()] * k, [()] * k, [])
    return quiz_statistics(key, _Columns(block.column, k), _Columns(block.choice_column, k), block.scores())


def grade(inputs: list[str | Path], quizzes: list[Quiz], out_dir: Path, *, policy: str = "best",
          root: Path | None = None, course_id: str | None = None, progress: bool | None = None,
          report: bool = True, course_title: str = "") -> Summary:
    """Grade everything in ``inputs`` against ``quizzes``; write the outputs to ``out_dir``."""
    # Grading makes millions of short-lived, acyclic objects (parsed records, answer
    # tuples) that reference counting frees at once, and keeps one row of small lists per
    # learner; the cycle collector would only rescan those rows over and over (more of
    # them each time). Nothing here makes a cycle: pause it for the run.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _grade(inputs, quizzes, out_dir, policy=policy, root=root, course_id=course_id,
                      progress=progress, report=report, course_title=course_title)
    finally:
        if was_enabled:
            gc.enable()


def _grade(inputs: list[str | Path], quizzes: list[Quiz], out_dir: Path, *, policy: str, root: Path | None,
           course_id: str | None, progress: bool | None, report: bool, course_title: str) -> Summary:
    out_dir = Path(out_dir)
    keys = {q.id: QuizKey.compile(q) for q in quizzes}
    known = {qid for k in keys.values() for qid in k.qids}
    files, input_problems, skipped = expand_inputs(inputs, root, exclude=[out_dir])
    summary = Summary(skipped=skipped, files=len(files), out_dir=out_dir)

    outputs = OutputSet(out_dir, OUTPUT_NAMES)
    book = AttemptBook(policy, scratch=outputs.run)
    written: list = []  # the files of the set, closed and flushed before it is shown
    try:
        errors = CsvOut(outputs.path("errors.csv"), ERROR_COLUMNS, outputs.shown("errors.csv"))
        written.append(errors.file)
        warns = CsvOut(outputs.path("warnings.csv"), ERROR_COLUMNS, outputs.shown("warnings.csv"))
        written.append(warns.file)
        results = ResultsWriter(outputs.path("results.json"), policy, {k: _quiz_meta(v) for k, v in keys.items()},
                                outputs.shown("results.json"))
        written.append(results.file)
        bar = Progress(files, enabled=progress)

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

        for kind, file, where, reason, _ in input_problems:
            (reject if kind == "error" else warn)(file, where, reason)
        seq = graded = 0
        add = book.add
        write = results.attempt
        tick = bar.update if bar.enabled else None
        for kind, file, where, payload, nbytes in read_records(files, known):
            if tick:
                tick(nbytes)
            if kind != "json" and kind != "csv":
                if kind == "error":
                    reject(file, where, payload)
                else:
                    warn(file, where, payload)
                continue
            try:
                g = check_submission(payload, keys, course_id, kind == "csv")
            except Rejected as exc:
                reject(file, where, str(exc))
                continue
            seq += 1
            if add(g.learner_id, g.quiz.id, g.learner_name, g.submitted_at, g.timestamp, seq,
                   g.score, g.marks, g.choices):
                graded += 1
                duplicate = False
            else:
                summary.duplicates += 1
                duplicate = True
                g.warnings.append("duplicate: an attempt with the same learner, quiz and submitted_at "
                                  "was already read; counted once")
            if g.warnings:
                for w in g.warnings:
                    warn(file, where, w)
            write(seq, file, where, g, duplicate)
        summary.graded = graded
        bar.close()

        gradebook = CsvOut(outputs.path("gradebook.csv"), GRADEBOOK_COLUMNS, outputs.shown("gradebook.csv"))
        written.append(gradebook.file)
        _write_gradebook(book, keys, gradebook, results, summary)
        summary.stats = [_statistics(key, book.blocks.get(qid)) for qid, key in keys.items()]
        book.close()
        del book
        results.finish({
            "graded": summary.graded, "rejected": summary.rejected, "warnings": summary.warnings,
            "duplicates": summary.duplicates, "learners": summary.learners,
        })
        if report:
            from .report import render_report

            html = AtomicFile(outputs.path("report.html"), mode_of=outputs.shown("report.html"))
            written.append(html)
            html.write(render_report(summary, keys, policy, course_title))
        for f in written:
            f.commit()  # into the run's own folder: nothing is shown yet
        outputs.commit()  # all five shown at once
    except BaseException:
        for f in written:
            f.discard()
        outputs.discard()
        raise
    return summary
