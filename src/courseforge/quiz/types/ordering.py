"""``ordering``: items the learner puts in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import Marker, id_list, split_cell


@dataclass
class Item:
    id: str
    text: str


ITEM = (
    Field("id", "id", True, "Item id, unique in the question.", example="id: i1"),
    Field("text", "text", True, "The item's text.", example="text: what the learner reads"),
)


@dataclass(kw_only=True)
class Ordering(Question):
    type: ClassVar[str] = "ordering"
    items: list[Item]  # listed in the correct order

    @property
    def key(self) -> list[str]:
        return [i.id for i in self.items]


class OrderingType(QuestionType):
    name = "ordering"
    model = Ordering
    fields = (
        Field("items", "objects", True, "The items, listed in the correct order; at least 2.", of="item",
              min_items=2, example="items:\n  - {id: i1, text: ...}"),
    )
    parts = {"item": (Item, ITEM)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    answer_classes = (list,)
    answer_key = tuple

    def mark(self, question: Ordering, answer: list[str], quiz: Any = None) -> float:
        """Items in their correct position ÷ number of items."""
        items = [i.id for i in question.items]
        if not items:
            return 0.0
        return sum(1 for want, got in zip(items, answer) if want == got) / len(items)

    def marker(self, question: Ordering, quiz: Any = None) -> Marker:
        from ..public import aliases  # here, not at the top: quiz.public imports the types

        pts = float(question.points)
        known = {i.id: n for n, i in enumerate(question.items)}
        alias = aliases(question)  # the site names items by alias (quiz.public)
        known.update({a: known[m] for a, m in alias.items()})

        def mark(ans: Any) -> tuple[float, int]:
            id_list(ans, known, "item")
            if alias:
                ans = [alias.get(v, v) for v in ans]
            return self.mark(question, ans, quiz) * pts, 0

        return mark

    def read_cell(self, question: Ordering, text: str) -> list[str]:
        return split_cell(text)  # item ids separated by |

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = OrderingType()
