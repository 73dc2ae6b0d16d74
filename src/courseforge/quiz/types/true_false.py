"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/true_false.html"

    def page_data(self, q, inline):
        return {"answer": q["answer"],
                "feedback": {"true": inline(q.get("feedback_true")), "false": inline(q.get("feedback_false"))}}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = TrueFalseType()
