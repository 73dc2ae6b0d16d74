"""What every question export shares: the writer a question type is handed, names, categories, fractions.

Question names carry the stable ids (``quiz-id/question-id``) so a question
can be traced back to its YAML file; Moodle categories follow
``$course$/<course title>/<module id>``. The module *id* (not its title) is
used because it is stable and lets the GIFT importer put questions back in
their module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..quiz.model import Quiz
from .report import Notes


# The note both Moodle writers add for each quiz: one line for all of them in the export's report.
QUIZ_SETTINGS = dict(kind="quiz settings", level="setting",
                     summary="title, pass mark and mode are settings of the Moodle quiz, not of its questions "
                     "({count}): set them there, as each quiz's YAML file gives them")


@dataclass
class Writer:
    """What a question type's export hook is handed (``TYPE.gift(q, w)``…): the quiz being written,
    the notes on what the format cannot carry, and the format's primitives, which each format's
    writer adds. The type says what to write; the writer knows how the format is written."""

    quiz: Quiz
    notes: Notes
    format: ClassVar[str] = ""

    def note(self, q, message: str, **kw) -> None:
        self.notes.add(self.quiz.id, q.id, message, **kw)

    def skip(self, q, message: str) -> None:
        """Note that ``q`` is left out of the export, and why; returns None, what a hook returns then."""
        self.notes.add(self.quiz.id, q.id, message, skipped=True)

    def unknown(self, q) -> None:
        return self.skip(q, f"question type {q.type!r} is unknown to the {self.format} writer — skipped")

    @staticmethod
    def number(value: float) -> str:
        return format_number(value)


class MoodleWriter(Writer):
    """What both Moodle writers (GIFT and XML) add: Moodle's grade fractions as its percent text."""

    @staticmethod
    def weight(value: float) -> tuple[str, bool]:
        """(Moodle's percent text for the grade nearest ``value``, whether that grade is ``value``)."""
        nearest = moodle_fraction(value)
        return percent(nearest), nearest == round(value, 7)


def question_name(quiz: Quiz, qid: str) -> str:
    return f"{quiz.id}/{qid}"


def category_segment(text: str) -> str:
    """One level of a Moodle category path; a literal slash is written ``//``."""
    return " ".join(text.split()).replace("/", "//")


def category_path(course_title: str, module: str) -> str:
    return f"$course$/{category_segment(course_title)}/{category_segment(module)}"


def format_number(value: float) -> str:
    """A number as a person writes it: 3 not 3.0, 0.5 not 5e-01."""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


# Moodle only accepts these grade fractions on import (question_bank::fraction_options_full);
# 1/n is among them for n = 1..10.
MOODLE_FRACTIONS = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25, 0.2,
    0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)


def moodle_fraction(value: float) -> float:
    """The nearest fraction Moodle accepts (sign kept)."""
    best = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(value)))
    return best if value >= 0 else -best


def percent(value: float) -> str:
    """A fraction as Moodle's percent text: 100, 50, -33.33333."""
    p = round(value * 100, 5)
    return format_number(p) if not float(p).is_integer() else str(int(p))
