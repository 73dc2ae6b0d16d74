"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
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
        Field("answer", "bool", True, "true or false.", example="answer: true"),
        Field("feedback_true", "text", False, "Shown when the learner answers true (practice mode)."),
        Field("feedback_false", "text", False, "Shown when the learner answers false (practice mode)."),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---
    def public(self, q: TrueFalse, with_key: bool) -> dict[str, Any]:
        if not with_key:
            return {}
        return {"answer": q.answer, "feedback_true": q.feedback_true, "feedback_false": q.feedback_false}


    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = TrueFalseType()
