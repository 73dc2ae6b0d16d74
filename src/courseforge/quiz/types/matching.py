"""``matching``: left-hand terms each matched to a right, with optional extra rights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..fields import Field
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
    Field("id", "id", True, "Pair id, unique in the question.", example="id: p1"),
    Field("left", "text", True, "The term on the left.", example="left: the term on the left"),
    Field("right", "text", True, "Its match on the right.", example="right: its match on the right"),
)

DISTRACTOR = (
    Field("id", "id", True, "Distractor id, unique in the question and different from the pair ids.",
          example="id: x1"),
    Field("text", "text", True, "An extra choice on the right that matches no left.", example="text: a right-hand choice that matches no left"),
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
        Field("pairs", "objects", True, "Left-right pairs; at least 2.", of="pair", min_items=2,
              example="pairs:\n  - {id: p1, left: ..., right: ...}"),
        Field("distractors", "objects", False, "Extra rights that match no left.", of="distractor"),
    )
    parts = {"pair": (Pair, PAIR), "distractor": (Distractor, DISTRACTOR)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/matching.html"

    def page_view(self, q, *, practice, shuffle, derange):
        rights = {r["id"]: r for r in q["rights"]}
        return {"rights": [rights[rid] for rid in shuffle(list(rights))]}

    def page_data(self, q, inline):
        return {"key": q["key"]}  # left id -> alias of its right (see quiz.public)

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MatchingType()
