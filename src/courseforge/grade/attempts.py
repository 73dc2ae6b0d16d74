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
with the same learner, quiz and ``submitted_at`` are one submission read
twice (a file copied into two folders): the second is skipped with a
warning. Every attempt is still written to results.json.

Memory: per learner and quiz, only the currently chosen attempt's marks and
choices (arrays of numbers) plus one (time, record number) pair per attempt
for numbering attempts; never the submissions themselves.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

POLICIES = ("best", "last", "first")
_EPS = 1e-9


class Entry:
    """The chosen attempt of one learner at one quiz, and when every attempt was made."""

    __slots__ = ("learner_id", "quiz", "name", "submitted_at", "ts", "seq", "score", "marks", "choices", "times")

    def __init__(self, learner_id: str, quiz: str):
        self.learner_id = learner_id
        self.quiz = quiz
        self.times: list[tuple[float, int]] = []

    def take(self, name: str, submitted_at: str, ts: float, seq: int, score: float,
             marks: list[float], choices: list[int]) -> None:
        self.name = name
        self.submitted_at = submitted_at
        self.ts = ts
        self.seq = seq
        self.score = score
        self.marks = array("d", marks)
        try:
            self.choices = array("q", choices)
        except OverflowError:  # a huge matching question's code: keep Python ints
            self.choices = tuple(choices)

    @property
    def attempts(self) -> int:
        return len(self.times)

    @property
    def attempt(self) -> int:
        """The graded attempt's number, 1 = earliest."""
        me = (self.ts, self.seq)
        return sum(1 for t in self.times if t <= me)


class AttemptBook:
    def __init__(self, policy: str = "best"):
        if policy not in POLICIES:
            raise ValueError(f"unknown attempts policy {policy!r}; use best, last or first")
        self.policy = policy
        self.entries: dict[tuple[str, str], Entry] = {}

    def add(self, learner_id: str, quiz: str, name: str, submitted_at: str, ts: float, seq: int,
            score: float, marks: list[float], choices: list[int]) -> bool:
        """Record one attempt (``seq`` increases with reading order). False when it is a duplicate."""
        k = (quiz, learner_id)
        e = self.entries.get(k)
        if e is None:
            e = self.entries[k] = Entry(learner_id, quiz)
            e.times.append((ts, seq))
            e.take(name, submitted_at, ts, seq, score, marks, choices)
            return True
        if ts and any(t == ts for t, _ in e.times):
            return False
        e.times.append((ts, seq))
        # seq is larger than every earlier one, so ">=" on time means "later".
        if self.policy == "last":
            better = ts >= e.ts
        elif self.policy == "first":
            better = ts < e.ts
        else:
            better = score > e.score + _EPS or (score >= e.score - _EPS and ts >= e.ts)
        if better:
            e.take(name, submitted_at, ts, seq, score, marks, choices)
        return True

    def graded(self) -> Iterator[Entry]:
        """Chosen attempts, by quiz then learner id."""
        for k in sorted(self.entries):
            yield self.entries[k]

    def by_quiz(self, quiz: str) -> list[Entry]:
        return [e for (q, _), e in self.entries.items() if q == quiz]
