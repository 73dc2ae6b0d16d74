"""``fill_blank``: a prompt with one blank (``___``) the learner types into."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, normalise_text


@dataclass(kw_only=True)
class FillBlank(Question):
    type: ClassVar[str] = "fill_blank"
    answers: list[str]

    @property
    def key(self) -> list[str]:
        return self.answers


class FillBlankType(QuestionType):
    name = "fill_blank"
    model = FillBlank
    fields = (
        Field("answers", "answers", True, "Accepted answers (case and extra spaces are ignored).", min_items=1,
              example="answers: [remittances]"),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    answer_classes = (str,)

    def accepted(self, question: FillBlank) -> frozenset[str]:
        """The accepted answers in :func:`~courseforge.quiz.types.marking.normalise_text`'s form."""
        return frozenset(normalise_text(a) for a in question.answers)

    def mark(self, question: FillBlank, answer: str, quiz: Any = None) -> float:
        """1 when the answer equals one of the accepted answers after normalising both (NFKC,
        case folded, white space made one space, trailing ``. , ; : ! ?`` removed)."""
        return 1.0 if normalise_text(answer) in self.accepted(question) else 0.0

    def marker(self, question: FillBlank, quiz: Any = None) -> Marker:
        pts = float(question.points)
        accepted = self.accepted(question)  # normalised once per question, not per answer

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not str:
                raise AnswerError(f"expected text, got {kind(ans)}")
            return (1.0 if normalise_text(ans) in accepted else 0.0) * pts, 0

        return mark

    def read_cell(self, question: FillBlank, text: str) -> str:
        return text

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = FillBlankType()
