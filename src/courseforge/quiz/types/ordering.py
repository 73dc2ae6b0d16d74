"""``ordering``: items the learner puts in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..alias import public_alias
from ..fields import Field
from .base import Question, QuestionType


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
    def public(self, q: Ordering, with_key: bool) -> dict[str, Any]:
        # Items travel under aliases: authors often number them in the right order.
        items = [{"id": public_alias(q, i.text), "text": i.text} for i in q.items]
        if with_key:
            return {"items": items}  # in the correct order
        return {"items": sorted(items, key=lambda i: (i["text"].casefold(), i["id"]))}

    def aliases(self, q: Ordering) -> dict[str, str]:
        return {public_alias(q, i.text): i.id for i in q.items}

    def resolve_answer(self, q: Ordering, answer: Any) -> Any:
        if not isinstance(answer, list):
            return answer
        table = self.aliases(q)
        return [table.get(v, v) if isinstance(v, str) else v for v in answer]


    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = OrderingType()
