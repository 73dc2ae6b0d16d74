"""``ordering``: items the learner puts in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import Field, ID, Objects, TEXT
from .base import Question, QuestionType


@dataclass
class Item:
    id: str
    text: str


ITEM = (
    Field("id", ID, True, "Item id, unique in the question.", example="id: i1"),
    Field("text", TEXT, True, "The item's text.", example="text: what the learner reads"),
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
        Field("items", Objects("item", min_items=2), True, "The items, listed in the correct order; at least 2.", example="items:\n  - {id: i1, text: ...}"),
    )
    parts = {"item": (Item, ITEM)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        if "items" in vals:
            reader.unique_texts(vals["items"][0], "text", "item", what)

    def data(self, q):
        return {"items": [{"id": i.id, "text": i.text} for i in q.items]}


    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = OrderingType()
