"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import FALSE_WORDS, TRUE_WORDS, AnswerError, Marker, kind, show


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

    # --- marking an answer (grade) ---

    answer_classes = (bool,)

    def mark(self, question: TrueFalse, answer: bool, quiz: Any = None) -> float:
        """All or nothing."""
        return 1.0 if answer is question.answer else 0.0

    def marker(self, question: TrueFalse, quiz: Any = None) -> Marker:
        pts = float(question.points)
        yes = (self.mark(question, True, quiz) * pts, 1)  # the choice code: 1 for true, 0 for false
        no = (self.mark(question, False, quiz) * pts, 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans is True:
                return yes
            if ans is False:
                return no
            raise AnswerError(f"expected true or false, got {kind(ans)}")

        return mark

    def read_cell(self, question: TrueFalse, text: str) -> bool:
        low = text.strip().casefold()  # true/false, yes/no, y/n, t/f, 1/0, in any case
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise AnswerError(f"expected true or false (or yes/no), got {show(text)}")

    def choice_groups(self, question: TrueFalse) -> list:
        return [(None, [("true", "true", question.answer is True), ("false", "false", question.answer is False)])]

    def chosen(self, question: TrueFalse, code: int) -> list[tuple[int, int]]:
        return [(0, 0 if code == 1 else 1)]

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = TrueFalseType()
