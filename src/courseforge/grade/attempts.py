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

Memory: per learner and quiz, one row in its quiz's :class:`Block` (the
chosen attempt's score, time, name, marks and choices), plus (time, record
number, score) per attempt once there are two, for numbering attempts and
spotting duplicates; never the submissions themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

POLICIES = ("best", "last", "first")
_EPS = 1e-9

# A Block row: the graded attempt of one learner, as one tuple (one append per new learner).
SCORE, TIME, SEQ, NAME, SUBMITTED = range(5)


class Block:
    """One quiz's graded attempts, one row per learner, in the order learners first appear.

    A row is the tuple (score, time, seq, name, submitted_at), indexed by the
    constants above. Its marks and choice codes go to two flat lists, k per
    row: extending a list copies k references (marks of answers seen before
    share their float objects), and a question's column is one C-level
    slice, ``marks[j::k]``, over contiguous memory.
    """

    def __init__(self, k: int):
        self.k = k
        self.rows: list[tuple] = []
        self.marks: list[float] = []  # k per row, in points
        self.choices: list[int] = []  # k per row (choice codes)
        self.others: dict[int, list[tuple[float, int, float]]] = {}  # row -> (time, seq, score) of each attempt

    def attempts(self, row: int) -> int:
        others = self.others.get(row)
        return len(others) if others else 1

    def attempt(self, row: int) -> int:
        """The graded attempt's number, 1 = earliest."""
        others = self.others.get(row)
        if not others:
            return 1
        r = self.rows[row]
        me = (r[TIME], r[SEQ])
        return sum(1 for t, seq, _ in others if (t, seq) <= me)

    def scores(self) -> list[float]:
        return [r[SCORE] for r in self.rows]

    def column(self, j: int) -> list[float]:
        return self.marks[j::self.k]

    def choice_column(self, j: int) -> list[int]:
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
        self.learners: dict[str, dict[str, int]] = {}  # quiz id -> learner id -> row in the quiz's Block
        self.blocks: dict[str, Block] = {}

    def add(self, learner_id: str, quiz: str, name: str, submitted_at: str, ts: float, seq: int,
            score: float, marks: list[float], choices: list[int]) -> bool:
        """Record one attempt (``seq`` increases with reading order). False when it is a duplicate."""
        block = self.blocks.get(quiz)
        if block is None:
            block = self.blocks[quiz] = Block(len(marks))
            self.learners[quiz] = {}
        rows = block.rows
        new = len(rows)
        row = self.learners[quiz].setdefault(learner_id, new)
        if row == new:  # a learner's first attempt, the usual case: a new row
            rows.append((score, ts, seq, name, submitted_at))
            block.marks += marks
            block.choices += choices
            return True
        kept = rows[row]
        others = block.others.get(row)
        if others is None:
            others = block.others[row] = [(kept[TIME], kept[SEQ], kept[SCORE])]
        if ts and any(t == ts and abs(s - score) <= _EPS for t, _, s in others):
            return False
        others.append((ts, seq, score))
        # seq is larger than every earlier one, so ">=" on time means "later".
        if self.policy == "last":
            better = ts >= kept[TIME]
        elif self.policy == "first":
            better = ts < kept[TIME]
        else:
            best = kept[SCORE]
            better = score > best + _EPS or (score >= best - _EPS and ts >= kept[TIME])
        if better:
            rows[row] = (score, ts, seq, name, submitted_at)
            a = row * block.k
            block.marks[a:a + block.k] = marks
            block.choices[a:a + block.k] = choices
        return True

    def _entry(self, quiz: str, learner_id: str, row: int) -> Entry:
        b = self.blocks[quiz]
        r = b.rows[row]
        return Entry(quiz, learner_id, r[NAME], r[SUBMITTED], r[SCORE], r[SEQ], b.attempt(row), b.attempts(row))

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
