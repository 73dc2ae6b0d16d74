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

Memory: per learner and quiz, one small :class:`Entry` and one row of
numbers in its quiz's :class:`Block` (the chosen attempt's marks and
choices), plus (time, record number, score) per attempt once there are two,
for numbering attempts and spotting duplicates; never the submissions themselves.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import NamedTuple

POLICIES = ("best", "last", "first")
_EPS = 1e-9


class Block:
    """One quiz's graded attempts, one row per learner, as parallel arrays.

    Arrays cost 8 bytes a number and no object per learner, and give a
    question's column as ``marks[j::k]`` in one C-level slice for the
    statistics. Rows are numbered in the order learners first appear.
    """

    def __init__(self, k: int):
        self.k = k
        self.marks = array("d")  # k per row, in points
        self.choices: array | list = array("q")  # k per row (choice codes)
        self.scores = array("d")
        self.times = array("d")
        self.seqs = array("q")
        self.names: list[str] = []
        self.submitted: list[str] = []
        self.others: dict[int, list[tuple[float, int, float]]] = {}  # row -> (time, seq, score) of each attempt

    def choices_as_ints(self, row: int, choices: Sequence[int]) -> None:
        """Row ``row``'s choices after one too big for the array (a huge matching question's code):
        from now on the codes are kept as Python ints."""
        # array.extend kept the codes it took before the one too big: drop them first
        del self.choices[row * self.k:]
        self.choices = list(self.choices)
        self.choices.extend(choices)

    def put(self, row: int, name: str, submitted_at: str, ts: float, seq: int, score: float,
            marks: Sequence[float], choices: Sequence[int]) -> None:
        self.scores[row], self.times[row], self.seqs[row] = score, ts, seq
        self.names[row], self.submitted[row] = name, submitted_at
        a, b = row * self.k, (row + 1) * self.k
        self.marks[a:b] = array("d", marks)
        if isinstance(self.choices, list):
            self.choices[a:b] = choices
        else:
            try:
                self.choices[a:b] = array("q", choices)
            except OverflowError:
                self.choices = list(self.choices)
                self.choices[a:b] = choices

    def attempts(self, row: int) -> int:
        others = self.others.get(row)
        return len(others) if others else 1

    def attempt(self, row: int) -> int:
        """The graded attempt's number, 1 = earliest."""
        others = self.others.get(row)
        if not others:
            return 1
        me = (self.times[row], self.seqs[row])
        return sum(1 for t, seq, _ in others if (t, seq) <= me)

    def column(self, j: int) -> Sequence[float]:
        return self.marks[j::self.k]

    def choice_column(self, j: int) -> Sequence[int]:
        return self.choices[j::self.k]


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
    def __init__(self, policy: str = "best"):
        if policy not in POLICIES:
            raise ValueError(f"unknown attempts policy {policy!r}; use best, last or first")
        self.policy = policy
        self.rows: dict[str, dict[str, int]] = {}  # quiz id -> learner id -> row in the quiz's Block
        self.blocks: dict[str, Block] = {}

    def add(self, learner_id: str, quiz: str, name: str, submitted_at: str, ts: float, seq: int,
            score: float, marks: list[float], choices: list[int]) -> bool:
        """Record one attempt (``seq`` increases with reading order). False when it is a duplicate."""
        learners = self.rows.get(quiz)
        if learners is None:
            learners = self.rows[quiz] = {}
            self.blocks[quiz] = Block(len(marks))
        block = self.blocks[quiz]
        new = len(block.scores)
        row = learners.setdefault(learner_id, new)
        if row == new:  # a learner's first attempt, the usual case: a new row
            block.scores.append(score)
            block.times.append(ts)
            block.seqs.append(seq)
            block.names.append(name)
            block.submitted.append(submitted_at)
            block.marks.extend(marks)
            try:
                block.choices.extend(choices)
            except OverflowError:
                block.choices_as_ints(row, choices)
            return True
        others = block.others.get(row)
        if others is None:
            others = block.others[row] = [(block.times[row], block.seqs[row], block.scores[row])]
        if ts and any(t == ts and abs(s - score) <= _EPS for t, _, s in others):
            return False
        others.append((ts, seq, score))
        # seq is larger than every earlier one, so ">=" on time means "later".
        if self.policy == "last":
            better = ts >= block.times[row]
        elif self.policy == "first":
            better = ts < block.times[row]
        else:
            best = block.scores[row]
            better = score > best + _EPS or (score >= best - _EPS and ts >= block.times[row])
        if better:
            block.put(row, name, submitted_at, ts, seq, score, marks, choices)
        return True

    def _entry(self, quiz: str, learner_id: str, row: int) -> Entry:
        b = self.blocks[quiz]
        return Entry(quiz, learner_id, b.names[row], b.submitted[row], b.scores[row], b.seqs[row],
                     b.attempt(row), b.attempts(row))

    def graded(self) -> Iterator[Entry]:
        """Graded attempts, by quiz then learner id."""
        for quiz in sorted(self.rows):
            learners = self.rows[quiz]
            for learner_id in sorted(learners):
                yield self._entry(quiz, learner_id, learners[learner_id])

    def __len__(self) -> int:
        """Learner-and-quiz pairs (= gradebook rows)."""
        return sum(len(v) for v in self.rows.values())

    def by_quiz(self, quiz: str) -> list[Entry]:
        """A quiz's graded attempts in row order (the order of its Block)."""
        return [self._entry(quiz, lid, row) for lid, row in self.rows.get(quiz, {}).items()]
