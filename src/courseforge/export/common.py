"""What every question export shares: names, categories, fractions.

Question names carry the stable ids (``quiz-id/question-id``) so a question
can be traced back to its YAML file; Moodle categories follow
``$course$/<course title>/<module id>``. The module *id* (not its title) is
used because it is stable and lets the GIFT importer put questions back in
their module.
"""

from __future__ import annotations

from ..quiz.model import Quiz


# The note both Moodle writers add for each quiz: one line for all of them in the export's report.
QUIZ_SETTINGS = dict(kind="quiz settings", level="setting",
                     summary="title, pass mark and mode are settings of the Moodle quiz, not of its questions "
                     "({count}): set them there, as each quiz's YAML file gives them")


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


def choice_fractions(n_correct: int, scoring: str) -> tuple[float, float]:
    """(fraction of each right option, fraction of each wrong one) for a ``multiple`` question.

    "partial" scoring counts right choices minus wrong ones over the number of
    right options, floored at 0 -- exactly what Moodle does with +1/n and -1/n
    fractions (it floors a question's mark at 0 too). "all_or_nothing" has no
    Moodle equivalent; -100% per wrong choice comes closest (see the note the
    writers add).
    """
    right = 1.0 / n_correct if n_correct else 0.0
    wrong = -right if scoring == "partial" else -1.0
    return right, wrong


def multiple_weights(quiz: Quiz, q, notes) -> tuple[str, str]:
    """Moodle's percent text for a right and a wrong option of a ``multiple`` question.

    Both Moodle writers (GIFT and XML) use it, and note what Moodle cannot hold:
    all-or-nothing scoring, and 1/n fractions missing from Moodle's list.
    """
    n_correct = sum(o.correct for o in q.options)
    right, wrong = choice_fractions(n_correct, quiz.multiple_scoring)
    if quiz.multiple_scoring == "all_or_nothing":
        notes.add(quiz.id, q.id, "all-or-nothing scoring has no Moodle equivalent — exported with -100% per wrong "
                  "choice, so Moodle gives partial credit for some right choices and no wrong one",
                  kind="all-or-nothing scoring", summary="no Moodle equivalent ({count}); exported with -100% per "
                  "wrong choice, so Moodle gives partial credit for some right choices and no wrong one")
    if moodle_fraction(right) != round(right, 7):
        notes.add(quiz.id, q.id, f"{n_correct} right options: Moodle has no grade of 1/{n_correct} — "
                  f"each exported as {percent(moodle_fraction(right))}%", kind="grades Moodle lacks",
                  summary="right options weighted 1/n with no such Moodle grade ({count}); each exported as the "
                  "nearest grade Moodle has")
    return percent(moodle_fraction(right)), percent(moodle_fraction(wrong))


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
