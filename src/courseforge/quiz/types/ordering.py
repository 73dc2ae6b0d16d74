"""``ordering``: items the learner puts in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/ordering.html"

    def page_view(self, q, *, practice, shuffle, derange):
        items = {i["id"]: i for i in q["items"]}
        order = shuffle(list(items))
        if practice:  # the public view lists a practice's items in the right order
            order = derange(order, list(items))
        return {"items": [items[iid] for iid in order]}

    def page_data(self, q, inline):
        return {"key": [i["id"] for i in q["items"]]}  # practice lists items in the right order

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = OrderingType()
