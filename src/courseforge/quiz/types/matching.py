"""``matching``: left-hand terms each matched to a right, with optional extra rights."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, show, split_cell


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

    # --- marking an answer (grade) ---

    answer_classes = (dict,)

    @staticmethod
    def answer_key(answer: dict) -> tuple:
        return tuple(answer.items())

    def mark(self, question: Matching, answer: dict[str, str], quiz: Any = None) -> float:
        """Correct pairs ÷ number of pairs: a left (pair id) is right when matched to its own pair id."""
        pairs = [p.id for p in question.pairs]
        if not pairs:
            return 0.0
        return sum(1 for p in pairs if answer.get(p) == p) / len(pairs)

    def marker(self, question: Matching, quiz: Any = None) -> Marker:
        from ..public import aliases  # here, not at the top: quiz.public imports the types

        pts = float(question.points)
        pairs = [p.id for p in question.pairs]
        rights = {r: i + 1 for i, r in enumerate(pairs + [d.id for d in question.distractors])}
        place = {p: n for n, p in enumerate(pairs)}
        base = len(rights) + 1
        # The site names rights by alias (quiz.public): the same choice, the same code.
        alias = aliases(question)
        rights.update({a: rights[m] for a, m in alias.items()})

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not dict:
                raise AnswerError(f"expected pairs {{left id: right id}}, got {kind(ans)}")
            code = 0  # per pair n, its right's number (0: none) in base len(rights) + 1
            for left, right in ans.items():
                n = place.get(left) if left.__class__ is str else None
                if n is None:
                    raise AnswerError(f"pair {show(left)} does not exist")
                if right is None:
                    continue
                r = rights.get(right) if right.__class__ is str else None
                if r is None:
                    if right.__class__ is not str:
                        raise AnswerError(f"expected a right id (text) for pair {show(left)}, got {kind(right)}")
                    raise AnswerError(f"right {show(right)} (matched to {show(left)}) does not exist")
                code += r * base**n
            if alias:
                ans = {k: alias.get(v, v) if v.__class__ is str else v for k, v in ans.items()}
            return self.mark(question, ans, quiz) * pts, code

        return mark

    def read_cell(self, question: Matching, text: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in split_cell(text):  # pair=right|pair=right
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise AnswerError(f"expected pairs written left=right separated by |, got {show(part)}")
            out[left.strip()] = right.strip()
        return out

    def choice_groups(self, question: Matching) -> list:
        rights = [(p.id, p.right) for p in question.pairs] + [(d.id, d.text) for d in question.distractors]
        return [(p.left, [(rid, text, rid == p.id) for rid, text in rights]) for p in question.pairs]

    def chosen(self, question: Matching, code: int) -> list[tuple[int, int]]:
        base = len(question.pairs) + len(question.distractors) + 1
        out = []
        for j in range(len(question.pairs)):
            code, r = divmod(code, base)
            if r:
                out.append((j, r - 1))
        return out

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MatchingType()
