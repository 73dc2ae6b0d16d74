"""Several attempts by one learner at one quiz: all kept, one graded.

``--attempts`` picks the graded attempt:

best (default)
    the highest score; between equal scores, the latest attempt (it shows
    what the learner knows now, and the statistics use it).
last
    the latest ``submitted_at``.
first
    the earliest ``submitted_at``.

Attempts without ``submitted_at`` (CSV exports often have none) count as
earlier than any dated attempt, in the order they were read. Two attempts
with the same learner, quiz, ``submitted_at`` and score are one submission
read twice (a file copied into two folders): the second is skipped with a
warning (it is still written to results.json, marked as a duplicate).

Memory: per learner and quiz, one row in its quiz's :class:`Block` — the
chosen attempt's score, time and record number in arrays of machine
numbers, its name and time as written, and its marks and choice codes (k
each), which go to a scratch file on disk once there are many rows (a
million submissions from 700,000 learners would otherwise hold over 200 MB
of them). Per attempt once there are two: (time, record number, score) in
a small array, for numbering attempts and spotting duplicates. Never the
submissions themselves.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

POLICIES = ("best", "last", "first")
_EPS = 1e-9
_SCAN = 8  # attempts of one row checked one by one for a duplicate; beyond, a look-up by time
_BIG = -(1 << 63)  # stands in the choices file for a code beyond 64 bits (kept in Marks.big)


class Marks:
    """k marks (float) and k choice codes (int) per row, kept in row order.

    Rows are held as two flat lists (k per row) until they reach :attr:`spill` values, then
    written as machine numbers to two unnamed scratch files (deleted by the system even if
    the run is killed) and the lists start afresh. A row that is replaced in place (a better
    attempt) is rewritten where it lies. :meth:`column` reads one question's values back as
    an array; the first call after the last row turns the files into one file per column,
    in one pass, so each column is then one contiguous read.
    """

    def __init__(self, k: int, scratch: str | Path | None = None, spill: int = 1 << 21):
        self.k = k
        self.scratch = scratch
        self.spill = max(k, spill - spill % max(k, 1))  # values per list before they go to disk
        self.marks: list[float] = []  # rows from self.stored on
        self.choices: list[int] = []
        self.stored = 0  # rows in the scratch files
        self.big: dict[tuple[int, int], int] = {}  # (row, j) -> a choice code beyond 64 bits
        self._files: tuple | None = None  # (marks file, choices file)
        self._columns: list | None = None  # per column j: (marks file, choices file) once transposed

    def __len__(self) -> int:
        return self.stored + (len(self.marks) // self.k if self.k else 0)

    def append(self, marks: Sequence[float], choices: Sequence[int]) -> None:
        if self._columns is not None:
            self._close_columns()
        self.marks += marks
        self.choices += choices
        if len(self.marks) >= self.spill:
            self._store()

    def replace(self, row: int, marks: Sequence[float], choices: Sequence[int]) -> None:
        k = self.k
        if self._columns is not None:
            self._close_columns()
        if self.big:
            for j in range(k):
                self.big.pop((row, j), None)
        if row >= self.stored:
            a = (row - self.stored) * k
            self.marks[a:a + k] = marks
            self.choices[a:a + k] = choices
            return
        fm, fc = self._files
        _write_at(fm, array("d", marks).tobytes(), row * k * 8)
        _write_at(fc, self._codes(row, list(choices)).tobytes(), row * k * 8)

    def _codes(self, first_row: int, choices: list[int]) -> array:
        """The codes as 64-bit integers; one that does not fit is kept aside in :attr:`big`."""
        try:
            return array("q", choices)
        except OverflowError:
            k = self.k
            for i, c in enumerate(choices):
                if not -(1 << 63) < c < 1 << 63:
                    self.big[(first_row + i // k, i % k)] = c
                    choices[i] = _BIG
            return array("q", choices)

    def _store(self) -> None:
        if not self.marks:
            return
        if self._files is None:
            self._files = (tempfile.TemporaryFile(dir=self.scratch), tempfile.TemporaryFile(dir=self.scratch))
        fm, fc = self._files
        fm.seek(0, os.SEEK_END)
        fc.seek(0, os.SEEK_END)
        array("d", self.marks).tofile(fm)
        self._codes(self.stored, self.choices).tofile(fc)
        self.stored += len(self.marks) // self.k
        self.marks, self.choices = [], []

    def _transpose(self) -> None:
        """One file per column, in one pass over the row files (a block of rows at a time)."""
        self._store()
        self._close_columns()
        k = self.k
        fm, fc = self._files
        fm.flush()
        fc.flush()
        cols = [(tempfile.TemporaryFile(dir=self.scratch), tempfile.TemporaryFile(dir=self.scratch))
                for _ in range(k)]
        step = max(1, (1 << 20) // k) * k  # values per block
        for src, side in ((fm, 0), (fc, 1)):
            src.seek(0)
            left = self.stored * k
            while left:
                block = array("d" if side == 0 else "q")
                block.fromfile(src, min(step, left))
                left -= len(block)
                for j in range(k):
                    block[j::k].tofile(cols[j][side])
        self._columns = cols

    def column(self, j: int) -> Sequence[float]:
        if self.stored == 0:
            return self.marks[j::self.k]
        return self._read(j, 0)

    def choice_column(self, j: int) -> Sequence[int]:
        if self.stored == 0:
            return self.choices[j::self.k]
        col = self._read(j, 1)
        if self.big:
            col = col.tolist()
            for (row, jj), code in self.big.items():
                if jj == j:
                    col[row] = code
        return col

    def _read(self, j: int, side: int) -> array:
        if self._columns is None:  # the first read after the last change
            self._transpose()
        f = self._columns[j][side]
        f.seek(0)
        out = array("d" if side == 0 else "q")
        out.fromfile(f, self.stored)
        return out

    def _close_columns(self) -> None:
        for pair in self._columns or ():
            for f in pair:
                f.close()
        self._columns = None

    def close(self) -> None:
        self._close_columns()
        for f in self._files or ():
            f.close()
        self._files = None


def _write_at(f, data: bytes, offset: int) -> None:
    f.flush()
    if hasattr(os, "pwrite"):
        os.pwrite(f.fileno(), data, offset)
    else:  # pragma: no cover - Windows
        f.seek(offset)
        f.write(data)
        f.flush()


class Block:
    """One quiz's graded attempts, one row per learner, in the order learners first appear.

    Row ``r`` is ``score[r]``, ``time[r]``, ``seq[r]`` (its record number), ``names[r]``,
    ``submitted[r]``, and its marks and choice codes in :attr:`store` (k each).
    """

    def __init__(self, k: int, scratch: str | Path | None = None, spill: int = 1 << 21):
        self.k = k
        self.score = array("d")
        self.time = array("d")
        self.seq = array("q")
        self.names: list[str] = []
        self.submitted: list[str] = []
        self.store = Marks(k, scratch, spill)
        self.others: dict[int, array] = {}  # row -> (time, seq, score) of each attempt, flat
        self.by_time: dict[int, dict[float, list[float]]] = {}  # row -> time -> scores, past _SCAN attempts

    def __len__(self) -> int:
        return len(self.score)

    @property
    def marks(self) -> list[float]:
        """Every row's marks, k per row (for small blocks and tests)."""
        return [m for row in zip(*(self.column(j) for j in range(self.k))) for m in row]

    def attempts(self, row: int) -> int:
        others = self.others.get(row)
        return len(others) // 3 if others else 1

    def attempt(self, row: int) -> int:
        """The graded attempt's number, 1 = earliest."""
        others = self.others.get(row)
        if not others:
            return 1
        me = (self.time[row], self.seq[row])
        return sum(1 for i in range(0, len(others), 3) if (others[i], others[i + 1]) <= me)

    def scores(self) -> Sequence[float]:
        return self.score

    def column(self, j: int) -> Sequence[float]:
        return self.store.column(j)

    def choice_column(self, j: int) -> Sequence[int]:
        return self.store.choice_column(j)

    def seen(self, row: int, ts: float, score: float) -> bool:
        """Has this row an attempt with this time and score already? (and note this one)"""
        others = self.others.get(row)
        if others is None:
            others = self.others[row] = array("d", (self.time[row], self.seq[row], self.score[row]))
        n = len(others) // 3
        if ts:
            if n <= _SCAN:
                if any(others[i] == ts and abs(others[i + 2] - score) <= _EPS for i in range(0, 3 * n, 3)):
                    return True
            else:
                index = self.by_time.get(row)
                if index is None:  # one learner id with many attempts ("guest"): look up by time
                    index = self.by_time[row] = {}
                    for i in range(0, 3 * n, 3):
                        index.setdefault(others[i], []).append(others[i + 2])
                if any(abs(s - score) <= _EPS for s in index.get(ts, ())):
                    return True
        return False

    def note(self, row: int, ts: float, seq: int, score: float) -> None:
        self.others[row].extend((ts, seq, score))
        index = self.by_time.get(row)
        if index is not None:
            index.setdefault(ts, []).append(score)


class Entry(NamedTuple):
    """The graded attempt of one learner at one quiz, as the gradebook shows it."""

    quiz: str
    learner_id: str
    name: str
    submitted_at: str
    score: float
    seq: int  # its record number in results.json
    attempt: int  # 1 = the earliest attempt
    attempts: int


class AttemptBook:
    """``scratch``: the folder for scratch files once a quiz has many rows (default: the system's)."""

    def __init__(self, policy: str = "best", scratch: str | Path | None = None, spill: int = 1 << 21):
        if policy not in POLICIES:
            raise ValueError(f"unknown attempts policy {policy!r}; use best, last or first")
        self.policy = policy
        self.scratch = scratch
        self.spill = spill
        self.learners: dict[str, dict[str, int]] = {}  # quiz id -> learner id -> row in the quiz's Block
        self.blocks: dict[str, Block] = {}

    def add(self, learner_id: str, quiz: str, name: str, submitted_at: str, ts: float, seq: int,
            score: float, marks: list[float], choices: list[int]) -> bool:
        """Record one attempt (``seq`` increases with reading order). False when it is a duplicate."""
        block = self.blocks.get(quiz)
        if block is None:
            block = self.blocks[quiz] = Block(len(marks), self.scratch, self.spill)
            self.learners[quiz] = {}
        new = len(block.score)
        row = self.learners[quiz].setdefault(learner_id, new)
        if row == new:  # a learner's first attempt, the usual case: a new row
            block.score.append(score)
            block.time.append(ts)
            block.seq.append(seq)
            block.names.append(name)
            block.submitted.append(submitted_at)
            block.store.append(marks, choices)
            return True
        if block.seen(row, ts, score):
            return False
        block.note(row, ts, seq, score)
        # seq is larger than every earlier one, so ">=" on time means "later".
        kept_ts = block.time[row]
        if self.policy == "last":
            better = ts >= kept_ts
        elif self.policy == "first":
            better = ts < kept_ts
        else:
            best = block.score[row]
            better = score > best + _EPS or (score >= best - _EPS and ts >= kept_ts)
        if better:
            block.score[row], block.time[row], block.seq[row] = score, ts, seq
            block.names[row], block.submitted[row] = name, submitted_at
            block.store.replace(row, marks, choices)
        return True

    def _entry(self, quiz: str, learner_id: str, row: int) -> Entry:
        b = self.blocks[quiz]
        return Entry(quiz, learner_id, b.names[row], b.submitted[row], b.score[row], b.seq[row],
                     b.attempt(row), b.attempts(row))

    def graded(self) -> Iterator[Entry]:
        """Graded attempts, by quiz then learner id."""
        for quiz in sorted(self.learners):
            learners = self.learners[quiz]
            for learner_id in sorted(learners):
                yield self._entry(quiz, learner_id, learners[learner_id])

    def __len__(self) -> int:
        """Learner-and-quiz pairs (= gradebook rows)."""
        return sum(len(v) for v in self.learners.values())

    def by_quiz(self, quiz: str) -> list[Entry]:
        """A quiz's graded attempts in row order (the order of its Block)."""
        return [self._entry(quiz, lid, row) for lid, row in self.learners.get(quiz, {}).items()]

    def close(self) -> None:
        for b in self.blocks.values():
            b.store.close()
