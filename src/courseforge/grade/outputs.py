"""The files ``courseforge grade`` writes, all atomically.

Each output is written to a temporary file beside its target while grading
runs (results.json and errors.csv are streamed, so memory does not grow with
the input) and renamed over the target only once everything succeeded: a
crash or Ctrl-C leaves the previous outputs, never a half-written gradebook.

CSV cells a spreadsheet would run as a formula (starting with ``= + - @``,
tab, CR or LF) get a leading apostrophe; CSV files carry a UTF-8 BOM so
spreadsheet programs show accented names correctly.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from ..fsutil import plain_mode

GRADEBOOK_COLUMNS = ("learner_id", "learner_name", "quiz", "score", "max", "percent", "passed", "attempt",
                     "submitted_at")
ERROR_COLUMNS = ("file", "line", "reason")
RESULTS_FORMAT = "courseforge-results/1"
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value: Any) -> Any:
    """Neutralise a text cell that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def fmt_num(x: float) -> str:
    """2 → "2", 2.5 → "2.5", 1/3 → "0.3333": what a trainer expects in a cell."""
    r = round(float(x), 4)
    if r == int(r):
        return str(int(r))
    return f"{r:.4f}".rstrip("0")


def json_mark(x: float) -> str:
    """A mark's text in results.json: 2.0 → "2", 0.5 → "0.5", 1/3 → "0.3333"."""
    r = round(x, 4)
    return str(int(r)) if r == int(r) else repr(r)


def json_num(x: float) -> float | int:
    r = round(float(x), 4)
    return int(r) if r == int(r) else r


class AtomicFile:
    """A text file written to a temporary name and renamed into place by :meth:`commit`."""

    def __init__(self, path: Path, newline: str | None = None, bom: bool = False):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        os.fchmod(fd, plain_mode(self.path))  # not mkstemp's 0600: as any file the trainer saves
        # backslashreplace: a lone surrogate smuggled in through JSON ("\ud800") is written as an
        # escape instead of crashing the run (and stays valid JSON in results.json).
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline=newline, errors="backslashreplace")
        if bom:
            # written by hand: the "utf-8-sig" codec would encode every later write in Python,
            # not in C (a CSV writer writes once per row: 0.1 s per 100,000 rows)
            self.fh.write("\ufeff")

    def write(self, text: str) -> None:
        self.fh.write(text)

    def close(self) -> None:
        if not self.fh.closed:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()

    def commit(self) -> None:
        self.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


class CsvOut:
    """A CSV output with a header; text cells are neutralised."""

    def __init__(self, path: Path, columns: tuple[str, ...]):
        self.file = AtomicFile(path, newline="", bom=True)
        self.writer = csv.writer(self.file.fh)
        self.writer.writerow(columns)
        self.rows = 0

    def row(self, *cells: Any) -> None:
        self.writer.writerow([csv_safe(c) for c in cells])
        self.rows += 1


class ResultsWriter:
    """results.json, streamed: one attempt per line inside a JSON document.

    Layout::

        {"format": "courseforge-results/1", "attempts_policy": "best",
         "quizzes": {quiz id: {title, version, max, pass_mark, questions: [{id, type, points}]}},
         "attempts": [
          {"n": 1, "file": ..., "line": ..., "learner_id": ..., "learner_name": ..., "quiz": ...,
           "submitted_at": ..., "score": ..., "percent": ..., "passed": ...,
           "marks": {question id: points earned}, "unanswered": [...], "warnings": [...]},
          ...],
         "graded": [{"quiz", "learner_id", "n" (the graded attempt), "attempt", "attempts"}, ...],
         "summary": {...}}
    """

    def __init__(self, path: Path, policy: str, quizzes: dict[str, Any]):
        self.file = AtomicFile(path)
        head = json.dumps({"format": RESULTS_FORMAT, "attempts_policy": policy, "quizzes": quizzes},
                          ensure_ascii=False)
        self.file.write(head[:-1] + ',\n "attempts": [')
        self.first = True  # no line written yet in the current list
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        self._per_quiz: dict[str, tuple] = {}  # quiz id -> (its JSON, marks keys, score texts)
        self._nums: dict[float, str] = {}  # mark -> its JSON text; marks take few distinct values
        self._file = ("", "")
        self._buf: list[str] = []

    def num(self, x: float) -> str:
        """A number's text, as :func:`fmt_num` writes it (cached: marks take few values)."""
        t = self._nums.get(x)
        if t is None:
            t = json_mark(x)
            if len(self._nums) < 100_000:
                self._nums[x] = t
        return t

    def attempt(self, seq: int, file: str, where: Any, g: Any, duplicate: bool = False) -> None:
        """One attempt as one line, made by one f-string: this runs 100,000 times in a big
        run, and a generic encoder spends most of its time on the 20 marks (``g.marks_json``,
        when the marker made it, has them ready) and on keys that never change."""
        key = g.quiz
        fixed = self._per_quiz.get(key.id)
        if fixed is None:  # the quiz id as JSON, each question's "q1": and the score texts
            fixed = self._per_quiz[key.id] = (encode_basestring(key.id),
                                              tuple(encode_basestring(q) + ":" for q in key.qids), {})
        quiz, starts, scores = fixed
        marks = g.marks_json  # made while marking when every answer had been seen before
        if marks is None:
            marks = ",".join(map(str.__add__, starts, map(self.num, g.marks)))
        if self._file[0] != file:
            self._file = (file, encode_basestring(file))
        # score, percent and passed depend on the score alone, which takes few distinct values
        score = scores.get(g.score)
        if score is None:
            percent = key.percent(g.score)
            score = (f'"score":{self.num(g.score)},"percent":{round(percent, 2)!r},'
                     f'"passed":{"true" if key.passed(percent) else "false"}')
            if len(scores) < 100_000:
                scores[g.score] = score
        s = encode_basestring
        line = (f'{{"n":{seq},"file":{self._file[1]},'
                f'"line":{where if where.__class__ is int and where else (s(where) if where else "null")},'
                f'"learner_id":{s(g.learner_id)},"learner_name":{s(g.learner_name)},"quiz":{quiz},'
                f'"submitted_at":{s(g.submitted_at)},{score},"marks":{{{marks}}}')
        if g.unanswered:
            line += ',"unanswered":' + self._dumps(g.unanswered)
        if g.warnings:
            line += ',"warnings":' + self._dumps(g.warnings)
        if duplicate:
            line += ',"duplicate":true'
        buf = self._buf  # as _line does, written out: this is the hot path
        buf.append(line + "}")
        if len(buf) >= 512:
            self._flush()

    def _line(self, line: str) -> None:
        """One element of the current JSON list, buffered: fewer, larger writes."""
        buf = self._buf
        buf.append(line)
        if len(buf) >= 512:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self.file.write(("\n  " if self.first else ",\n  ") + ",\n  ".join(self._buf))
            self.first = False
            self._buf.clear()

    def begin_graded(self) -> None:
        self._flush()
        self.file.write('\n ],\n "graded": [')
        self.first = True

    def graded(self, e: Any, attempt: int) -> None:
        """Which attempt counts for one learner and quiz (``n`` points into "attempts")."""
        self.graded_row(encode_basestring(e.quiz), e.learner_id, e.seq, attempt, e.attempts)

    def graded_row(self, quiz_json: str, learner_id: str, seq: int, attempt: int, attempts: int) -> None:
        """:meth:`graded` from its parts (``quiz_json``: the quiz id already JSON-encoded)."""
        self.graded_rows(quiz_json, [(learner_id, seq, attempt, attempts)])

    def graded_rows(self, quiz_json: str, rows: Iterable[tuple[str, int, int, int]]) -> None:
        """:meth:`graded_row` for many (learner id, n, attempt, attempts) of one quiz at once."""
        s = encode_basestring
        self._buf.extend([f'{{"quiz":{quiz_json},"learner_id":{s(lid)},"n":{seq},"attempt":{attempt},'
                          f'"attempts":{attempts}}}' for lid, seq, attempt, attempts in rows])
        self._flush()

    def finish(self, summary: dict[str, Any]) -> None:
        self._flush()
        self.file.write("\n ],\n \"summary\": " + json.dumps(summary, ensure_ascii=False) + "\n}\n")
