"""``single``: one right option among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, show
from .choice import OPTION, Option


@dataclass(kw_only=True)
class SingleChoice(Question):
    type: ClassVar[str] = "single"
    options: list[Option]

    @property
    def key(self) -> str | None:
        right = [o.id for o in self.options if o.correct]
        return right[0] if len(right) == 1 else None


class SingleType(QuestionType):
    name = "single"
    model = SingleChoice
    fields = (
        Field("options", "objects", True, "The choices; exactly one has correct: true.", of="option", min_items=2,
              example="options:\n  - {id: a, text: ..., correct: true}"),
    )
    parts = {"option": (Option, OPTION)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    answer_classes = (str,)

    def mark(self, question: SingleChoice, answer: str, quiz: Any = None) -> float:
        """All or nothing: 1 for a right option's id (a key may mark more than one option right)."""
        return 1.0 if any(o.correct and o.id == answer for o in question.options) else 0.0

    def marker(self, question: SingleChoice, quiz: Any = None) -> Marker:
        pts = float(question.points)
        # option id -> (mark, its index as the choice code): one look-up marks a valid answer
        table = {o.id: (self.mark(question, o.id, quiz) * pts, i) for i, o in enumerate(question.options)}

        def mark(ans: Any) -> tuple[float, int]:
            r = table.get(ans) if ans.__class__ is str else None
            if r is None:
                if ans.__class__ is not str:
                    raise AnswerError(f"expected one option id (text), got {kind(ans)}")
                raise AnswerError(f"option {show(ans)} does not exist")
            return r

        return mark

    def read_cell(self, question: SingleChoice, text: str) -> str:
        return text.strip()  # the option id

    def choice_groups(self, question: SingleChoice) -> list:
        return [(None, [(o.id, o.text, o.correct) for o in question.options])]

    def chosen(self, question: SingleChoice, code: int) -> list[tuple[int, int]]:
        return [(0, code)]  # the code is the option's index

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = SingleType()
