"""``matching``: left-hand terms each matched to a right, with optional extra rights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..alias import public_alias
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
    def public(self, q: Matching, with_key: bool) -> dict[str, Any]:
        rights = [{"id": public_alias(q, p.right), "text": p.right} for p in q.pairs] + [
            {"id": public_alias(q, d.text), "text": d.text} for d in q.distractors
        ]
        out: dict[str, Any] = {
            "lefts": [{"id": p.id, "text": p.left} for p in q.pairs],
            # Rights are offered sorted by text, under aliases: neither their order
            # nor their ids may mirror the lefts' (a right named by its pair id
            # would tell every learner which left it belongs to).
            "rights": sorted(rights, key=lambda r: (r["text"].casefold(), r["id"])),
        }
        if with_key:
            out["key"] = {p.id: public_alias(q, p.right) for p in q.pairs}
        return out

    def aliases(self, q: Matching) -> dict[str, str]:
        return {**{public_alias(q, p.right): p.id for p in q.pairs},
                **{public_alias(q, d.text): d.id for d in q.distractors}}

    def resolve_answer(self, q: Matching, answer: Any) -> Any:
        """Rights chosen by alias become pair or distractor ids; lefts are pair ids already."""
        if not isinstance(answer, dict):
            return answer
        table = self.aliases(q)
        return {k: table.get(v, v) if isinstance(v, str) else v for k, v in answer.items()}


    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MatchingType()
