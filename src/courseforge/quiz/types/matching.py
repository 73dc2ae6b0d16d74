"""``matching``: left-hand terms each matched to a right, with optional extra rights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..fields import Field, ID, Objects, TEXT
from .base import Question, QuestionType


@dataclass
class Pair:
    id: str
    left: str
    right: str


@dataclass
class Distractor:
    id: str
    text: str


PAIR = (
    Field("id", ID, True, "Pair id, unique in the question.", example="id: p1"),
    Field("left", TEXT, True, "The term on the left.", example="left: the term on the left"),
    Field("right", TEXT, True, "Its match on the right.", example="right: its match on the right"),
)

DISTRACTOR = (
    Field("id", ID, True, "Distractor id, unique in the question and different from the pair ids.",
          example="id: x1"),
    Field("text", TEXT, True, "An extra choice on the right that matches no left.", example="text: a right-hand choice that matches no left"),
)


@dataclass(kw_only=True)
class Matching(Question):
    type: ClassVar[str] = "matching"
    pairs: list[Pair]
    distractors: list[Distractor] = field(default_factory=list)

    @property
    def key(self) -> dict[str, str]:
        return {p.id: p.id for p in self.pairs}


class MatchingType(QuestionType):
    name = "matching"
    model = Matching
    fields = (
        Field("pairs", Objects("pair", min_items=2), True, "Left-right pairs; at least 2.",
              example="pairs:\n  - {id: p1, left: ..., right: ...}"),
        Field("distractors", Objects("distractor"), False, "Extra rights that match no left."),
    )
    parts = {"pair": (Pair, PAIR), "distractor": (Distractor, DISTRACTOR)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        if "pairs" not in vals:
            return
        # Answers name a right by its pair's id or by a distractor's id: the two must not overlap.
        pair_ids = {v["id"][0] for v, _ in vals["pairs"][0] if v and "id" in v}
        for v, _ in vals.get("distractors", ([], None))[0]:
            if v and "id" in v and v["id"][0] in pair_ids:
                reader.error(v["id"][1], f"distractor id '{v['id'][0]}' of {what} is also a pair id: answers "
                                         "name rights by id, so give the distractor its own id")
        rights = [(v["right"][0], v["right"][1]) for v, _ in vals["pairs"][0] if v and "right" in v]
        rights += [(v["text"][0], v["text"][1]) for v, _ in vals.get("distractors", ([], None))[0]
                   if v and "text" in v]
        reader.unique_values(rights, "right-hand text", what)
        reader.unique_texts(vals["pairs"][0], "left", "pair", what)

    def data(self, q):
        d = {"pairs": [{"id": p.id, "left": p.left, "right": p.right} for p in q.pairs]}
        if q.distractors:
            d["distractors"] = [{"id": x.id, "text": x.text} for x in q.distractors]
        return d


    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MatchingType()
