"""``multiple``: one or more right options among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import Field
from .base import Question, QuestionType
from .choice import OPTION, Option


@dataclass(kw_only=True)
class MultipleChoice(Question):
    type: ClassVar[str] = "multiple"
    options: list[Option]

    @property
    def key(self) -> list[str]:
        return [o.id for o in self.options if o.correct]


class MultipleType(QuestionType):
    name = "multiple"
    model = MultipleChoice
    fields = (
        Field("options", "objects", True, "The choices; one or more have correct: true.", of="option", min_items=2,
              example="options:\n  - {id: a, text: ..., correct: true}"),
    )
    parts = {"option": (Option, OPTION)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/multiple.html"

    def page_data(self, q, inline):
        return {"options": [{"id": o["id"], "correct": bool(o.get("correct")), "feedback": inline(o.get("feedback"))}
                            for o in q["options"]]}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = MultipleType()
