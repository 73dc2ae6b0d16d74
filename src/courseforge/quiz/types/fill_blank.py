"""``fill_blank``: a prompt with one blank (``___``) the learner types into."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import Field
from .base import Question, QuestionType


@dataclass(kw_only=True)
class FillBlank(Question):
    type: ClassVar[str] = "fill_blank"
    answers: list[str]

    @property
    def key(self) -> list[str]:
        return self.answers


class FillBlankType(QuestionType):
    name = "fill_blank"
    model = FillBlank
    fields = (
        Field("answers", "answers", True, "Accepted answers (case and extra spaces are ignored).", min_items=1,
              example="answers: [remittances]"),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/fill_blank.html"

    def page_prompt(self, prompt):
        # "___" (quiz.model.BLANK) is bold-italic to Markdown: show it as a visible gap instead.
        return prompt.replace("___", "\u2009\\_\\_\\_\\_\\_\u2009")

    def page_data(self, q, inline):
        return {"answers": q["answers"]}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = FillBlankType()
