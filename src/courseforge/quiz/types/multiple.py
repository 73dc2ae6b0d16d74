"""``multiple``: one or more right options among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import ALL_OR_NOTHING, PARTIAL, Marker, id_list, split_cell
from .choice import OPTION, Option


@dataclass(kw_only=True)
class MultipleChoice(Question):
    type: ClassVar[str] = "multiple"
    options: list[Option]

    @property
    def key(self) -> list[str]:
        return [o.id for o in self.options if o.correct]


class MultipleType(QuestionType):
    name = "multiple"
    model = MultipleChoice
    fields = (
        Field("options", "objects", True, "The choices; one or more have correct: true.", of="option", min_items=2,
              example="options:\n  - {id: a, text: ..., correct: true}"),
    )
    parts = {"option": (Option, OPTION)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    answer_classes = (list,)
    answer_key = tuple

    def mark(self, question: MultipleChoice, answer: list[str], quiz: Any = None) -> float:
        """``multiple_scoring: partial`` (the default): (right options chosen − wrong options
        chosen) ÷ number of right options, never below 0. With 2 right options out of 4: both
        right → 1; one right → 0.5; one right and one wrong → 0; everything ticked → 0.
        ``all_or_nothing``: 1 only when exactly the right options are chosen."""
        right = {o.id for o in question.options if o.correct}
        picked = set(answer)
        hits = len(picked & right)
        wrong = len(picked) - hits
        n_right = len(right)
        rule = PARTIAL if quiz is None else quiz.multiple_scoring
        if rule == ALL_OR_NOTHING or n_right == 0:
            return 1.0 if hits == n_right and wrong == 0 else 0.0
        return max(0.0, (hits - wrong) / n_right)

    def marker(self, question: MultipleChoice, quiz: Any = None) -> Marker:
        pts = float(question.points)
        ids = {o.id: i for i, o in enumerate(question.options)}

        def mark(ans: Any) -> tuple[float, int]:
            bits = 0  # the choice code: bit i set when option i is chosen
            for i in id_list(ans, ids, "option"):
                bits |= 1 << i
            return self.mark(question, ans, quiz) * pts, bits

        return mark

    def read_cell(self, question: MultipleChoice, text: str) -> list[str]:
        return split_cell(text)  # option ids separated by |

    def choice_groups(self, question: MultipleChoice) -> list:
        return [(None, [(o.id, o.text, o.correct) for o in question.options])]

    def chosen(self, question: MultipleChoice, code: int) -> list[tuple[int, int]]:
        return [(0, i) for i in range(len(question.options)) if code >> i & 1]

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MultipleType()
