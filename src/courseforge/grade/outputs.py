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
from pathlib import Path
from typing import Any

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


def json_num(x: float) -> float | int:
    r = round(float(x), 4)
    return int(r) if r == int(r) else r


class AtomicFile:
    """A text file written to a temporary name and renamed into place by :meth:`commit`."""

    def __init__(self, path: Path, newline: str | None = None, bom: bool = False):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        self.fh = os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline=newline)

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
          {"n": 1, "file": ..., "line": ..., "learner_id": ..., "quiz": ..., "score": ...,
           "marks": {question id: points earned}, ...},
          ...],
         "graded": [{"quiz", "learner_id", "n" (the graded attempt), "attempt", "attempts"}, ...],
         "summary": {...}}
    """

    def __init__(self, path: Path, policy: str, quizzes: dict[str, Any]):
        self.file = AtomicFile(path)
        head = json.dumps({"format": RESULTS_FORMAT, "attempts_policy": policy, "quizzes": quizzes},
                          ensure_ascii=False)
        self.file.write(head[:-1] + ',\n "attempts": [')
        self.first = True
        self._dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def attempt(self, record: dict[str, Any]) -> None:
        self.file.write(("\n  " if self.first else ",\n  ") + self._dumps(record))
        self.first = False

    def finish(self, graded: list[dict[str, Any]], summary: dict[str, Any]) -> None:
        w = self.file.write
        w("\n ],\n \"graded\": [")
        for i, g in enumerate(graded):
            w(("\n  " if i == 0 else ",\n  ") + self._dumps(g))
        w("\n ],\n \"summary\": " + json.dumps(summary, ensure_ascii=False) + "\n}\n")
