"""``numeric``: a number, right within a tolerance."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, parse_number


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

    # --- marking an answer (grade) ---

    answer_classes = (int, float)  # bool is left out on purpose

    def mark(self, question: Numeric, answer: float, quiz: Any = None) -> float:
        """1 when |answer − key| ≤ tolerance (plus a hair, 1e-9 of the key, so that 0.1 + 0.2
        style rounding never costs a learner a point)."""
        key = float(question.answer)
        slack = abs(float(question.tolerance or 0)) + 1e-9 * max(1.0, abs(key))
        return 1.0 if abs(answer - key) <= slack else 0.0

    def marker(self, question: Numeric, quiz: Any = None) -> Marker:
        pts = float(question.points)

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ not in (int, float):
                raise AnswerError(f"expected a number, got {kind(ans)}")
            try:
                if not math.isfinite(ans):
                    raise AnswerError("expected a number, got infinity or NaN")
                return self.mark(question, ans, quiz) * pts, 0
            except OverflowError:  # an integer with hundreds of digits
                raise AnswerError("the number is too large") from None

        return mark

    def read_cell(self, question: Numeric, text: str) -> float:
        return parse_number(text)  # 3.5 or 3,5

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = NumericType()
