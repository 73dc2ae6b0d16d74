"""``single``: one right option among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field
from .base import Question, QuestionType
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
    def public(self, q: SingleChoice, with_key: bool) -> dict[str, Any]:
        options: list[dict[str, Any]] = [{"id": o.id, "text": o.text} for o in q.options]
        if with_key:
            for o, src in zip(options, q.options):
                o["correct"] = src.correct
                if src.feedback:
                    o["feedback"] = src.feedback
        return {"options": options}


    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = SingleType()
