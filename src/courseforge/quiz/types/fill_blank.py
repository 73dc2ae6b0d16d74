"""``fill_blank``: a prompt with one blank (``___``) the learner types into."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from ..fields import Field, answers
from .base import Question, QuestionType

BLANK = "___"  # where the answer goes in the prompt
_BLANK_RUN = re.compile(r"_{3,}")


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
        Field("answers", answers(min_items=1), True, "Accepted answers (case and extra spaces are ignored).",
              example="answers: [remittances]"),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        # The browser draws one input box where the blank is: exactly one, of exactly three underscores.
        if "prompt" not in vals:
            return
        prompt, pnode = vals["prompt"]
        runs = _BLANK_RUN.findall(prompt)
        if len(runs) != 1:
            reader.error(pnode, f"the prompt of {what} (fill_blank) has {len(runs)} blanks: write {BLANK} "
                                "(three underscores) exactly once, where the answer goes")
        elif runs[0] != BLANK:
            reader.error(pnode, f"the blank in the prompt of {what} is {len(runs[0])} underscores: write "
                                f"exactly three ({BLANK})")

    def data(self, q):
        return {"answers": list(q.answers)}


    # --- the browser's view of a question (quiz.public) ---

    # --- rendering on a page (site.render) ---

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---


TYPE = FillBlankType()
