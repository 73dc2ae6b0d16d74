"""``single``: one right option among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/single.html"

    def page_data(self, q, inline):
        return {"options": [{"id": o["id"], "correct": bool(o.get("correct")), "feedback": inline(o.get("feedback"))}
                            for o in q["options"]]}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = SingleType()
