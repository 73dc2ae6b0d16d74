"""What an export could not carry over, question by question.

Every writer returns its notes beside its output; the ``export`` command
prints them, so a trainer learns exactly what to fix or re-enter in the LMS.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    quiz: str
    question: str | None  # None when the note concerns the whole quiz
    message: str
    skipped: bool = False  # the question is not in the output at all

    def __str__(self) -> str:
        where = f"{self.quiz}/{self.question}" if self.question else self.quiz
        return f"{where}: {self.message}"


class Notes(list):
    """A list of :class:`Note` with a shortcut for adding one."""

    def add(self, quiz: str, question: str | None, message: str, skipped: bool = False) -> None:
        self.append(Note(quiz, question, message, skipped))

    def skipped(self) -> set[tuple[str, str]]:
        return {(n.quiz, n.question) for n in self if n.skipped and n.question}
