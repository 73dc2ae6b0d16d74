"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import BOOL, Field, TEXT
from .base import Question, QuestionType


@dataclass(kw_only=True)
class TrueFalse(Question):
    type: ClassVar[str] = "true_false"
    answer: bool
    feedback_true: str | None = None  # optional feedback when the learner picks "true"
    feedback_false: str | None = None

    @property
    def key(self) -> bool:
        return self.answer


class TrueFalseType(QuestionType):
    name = "true_false"
    model = TrueFalse
    fields = (
        Field("answer", BOOL, True, "true or false.", example="answer: true"),
        Field("feedback_true", TEXT, False, "Shown when the learner answers true (practice mode)."),
        Field("feedback_false", TEXT, False, "Shown when the learner answers false (practice mode)."),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def data(self, q):
        d = {"answer": q.answer}
        if q.feedback_true is not None:
            d["feedback_true"] = q.feedback_true
        if q.feedback_false is not None:
            d["feedback_false"] = q.feedback_false
        return d

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = TrueFalseType()
