"""``numeric``: a number, right within a tolerance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import Field
from .base import Question, QuestionType


@dataclass(kw_only=True)
class Numeric(Question):
    type: ClassVar[str] = "numeric"
    answer: float
    tolerance: float = 0
    unit: str | None = None  # shown beside the input box, e.g. "million", "%"

    @property
    def key(self) -> float:
        return self.answer


class NumericType(QuestionType):
    name = "numeric"
    model = Numeric
    fields = (
        Field("answer", "number", True, "The right number.", example="answer: 80"),
        Field("tolerance", "nonneg", False, "How far from the answer still counts as right (default 0).",
              default=0),
        Field("unit", "text", False, "Unit shown beside the input box, e.g. million or %."),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/numeric.html"

    def page_data(self, q, inline):
        return {"answer": q["answer"], "tolerance": q["tolerance"]}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = NumericType()
