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

POLICIES = ("best", "last", "first")
_EPS = 1e-9


class Block:
    """The chosen attempts' marks and choices of one quiz, one row per learner, in flat arrays.

    Flat arrays cost 8 bytes a number (no object per attempt) and give a
    question's column as ``marks[j::k]`` in one C-level slice for the statistics.
    """

    def __init__(self, k: int):
        self.k = k
        self.marks = array("d")
        self.choices: array | list = array("q")
        self.scores = array("d")  # the chosen attempt's score, per row
        self.rows = 0

    def new_row(self, score: float, marks: Sequence[float], choices: Sequence[int]) -> int:
        self.scores.append(score)
        self.marks.extend(marks)
        self._extend_choices(choices)
        self.rows += 1
        return self.rows - 1

    def _extend_choices(self, values: list[int]) -> None:
        try:
            self.choices.extend(values)
        except OverflowError:  # a huge matching question's code: fall back to Python ints
            self.choices = list(self.choices)
            self.choices.extend(values)

    def put(self, row: int, score: float, marks: Sequence[float], choices: Sequence[int]) -> None:
        self.scores[row] = score
        a = row * self.k
        self.marks[a:a + self.k] = array("d", marks)
        if isinstance(self.choices, list):
            self.choices[a:a + self.k] = choices
        else:
            try:
                self.choices[a:a + self.k] = array("q", choices)
            except OverflowError:
                self.choices = list(self.choices)
                self.choices[a:a + self.k] = choices

    def column(self, j: int) -> Sequence[float]:
        return self.marks[j::self.k]

    def choice_column(self, j: int) -> Sequence[int]:
        return self.choices[j::self.k]


class Entry:
    """The chosen attempt of one learner at one quiz, and when the other attempts were made."""

    __slots__ = ("learner_id", "quiz", "name", "submitted_at", "ts", "seq", "score", "row", "others")

    def __init__(self, learner_id: str, quiz: str, row: int, name: str, submitted_at: str, ts: float,
                 seq: int, score: float):
        self.learner_id = learner_id
        self.quiz = quiz
        self.row = row
        # (time, seq, score) of every attempt, once there are two
        self.others: list[tuple[float, int, float]] | None = None
        self.name, self.submitted_at, self.ts, self.seq, self.score = name, submitted_at, ts, seq, score

    @property
    def attempts(self) -> int:
        return len(self.others) if self.others else 1

    @property
    def attempt(self) -> int:
        """The graded attempt's number, 1 = earliest."""
        if not self.others:
            return 1
        me = (self.ts, self.seq)
        return sum(1 for t, seq, _ in self.others if (t, seq) <= me)


class AttemptBook:
    def __init__(self, policy: str = "best"):
        if policy not in POLICIES:
            raise ValueError(f"unknown attempts policy {policy!r}; use best, last or first")
        self.policy = policy
        self.entries: dict[str, dict[str, Entry]] = {}  # quiz id -> learner id -> entry
        self.blocks: dict[str, Block] = {}

    def add(self, learner_id: str, quiz: str, name: str, submitted_at: str, ts: float, seq: int,
            score: float, marks: list[float], choices: list[int]) -> bool:
        """Record one attempt (``seq`` increases with reading order). False when it is a duplicate."""
        learners = self.entries.get(quiz)
        if learners is None:
            learners = self.entries[quiz] = {}
            self.blocks[quiz] = Block(len(marks))
        e = learners.get(learner_id)
        if e is None:
            block = self.blocks[quiz]
            learners[learner_id] = Entry(learner_id, quiz, block.new_row(score, marks, choices), name, submitted_at, ts,
                                    seq, score)
            return True
        else:
            if e.others is None:
                e.others = [(e.ts, e.seq, e.score)]
            if ts and any(t == ts and abs(s - score) <= _EPS for t, _, s in e.others):
                return False
            e.others.append((ts, seq, score))
            # seq is larger than every earlier one, so ">=" on time means "later".
            if self.policy == "last":
                better = ts >= e.ts
            elif self.policy == "first":
                better = ts < e.ts
            else:
                better = score > e.score + _EPS or (score >= e.score - _EPS and ts >= e.ts)
        if better:
            e.name, e.submitted_at, e.ts, e.seq, e.score = name, submitted_at, ts, seq, score
            self.blocks[quiz].put(e.row, score, marks, choices)
        return True

    def graded(self) -> Iterator[Entry]:
        """Chosen attempts, by quiz then learner id."""
        for quiz in sorted(self.entries):
            learners = self.entries[quiz]
            for learner_id in sorted(learners):
                yield learners[learner_id]

    def __len__(self) -> int:
        """Learner-and-quiz pairs (= gradebook rows)."""
        return sum(len(v) for v in self.entries.values())

    def by_quiz(self, quiz: str) -> list[Entry]:
        """A quiz's chosen attempts in row order (rows are numbered in insertion order)."""
        return list(self.entries.get(quiz, {}).values())
