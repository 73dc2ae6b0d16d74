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

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        if any("->" in a for a in q.answers):
            return w.skip(q, "an accepted answer contains '->', which GIFT reads as a matching pair — "
                          "skipped; use Moodle XML")
        return w.question(q, w.block(q, [f"\t={w.escape(a)}\n" for a in q.answers]))

    def moodle_xml(self, q, w):
        el = w.question(q, "shortanswer")
        w.value(el, "usecase", "0")
        for a in q.answers:
            w.answer(el, "100", a, fmt=w.AUTO)
        return el


TYPE = FillBlankType()
