"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import BOOL, Field, TEXT
from .base import Question, QuestionType
from .choice import qti_choices


@dataclass(kw_only=True)
class TrueFalse(Question):
    type: ClassVar[str] = "true_false"
    answer: bool
    feedback_true: str | None = None  # optional feedback when the learner picks "true"
    feedback_false: str | None = None

    @property
    def key(self) -> bool:
        return self.answer


class TrueFalseType(QuestionType):
    name = "true_false"
    model = TrueFalse
    fields = (
        Field("answer", BOOL, True, "true or false.", example="answer: true"),
        Field("feedback_true", TEXT, False, "Shown when the learner answers true (practice mode)."),
        Field("feedback_false", TEXT, False, "Shown when the learner answers false (practice mode)."),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def data(self, q):
        d = {"answer": q.answer}
        if q.feedback_true is not None:
            d["feedback_true"] = q.feedback_true
        if q.feedback_false is not None:
            d["feedback_false"] = q.feedback_false
        return d

    # --- the browser's view of a question (quiz.public) ---
    def public(self, q: TrueFalse, with_key: bool) -> dict[str, Any]:
        if not with_key:
            return {}
        return {"answer": q.answer, "feedback_true": q.feedback_true, "feedback_false": q.feedback_false}


    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/true_false.html"

    def page_data(self, q, inline):
        return {"answer": q["answer"],
                "feedback": {"true": inline(q.get("feedback_true")), "false": inline(q.get("feedback_false"))}}

    # --- marking an answer (grade) ---

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        # GIFT: {TRUE#feedback for a wrong answer#feedback for a right answer}
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        out = "{" + ("TRUE" if q.answer else "FALSE")
        if wrong or right:
            out += "#" + w.escape(wrong or "")
        if right:
            out += "#" + w.escape(right)
        return w.question(q, out + (f"####{w.escape(q.explanation)}" if q.explanation else "") + "}")

    def moodle_xml(self, q, w):
        el = w.question(q, "truefalse")
        w.answer(el, "100" if q.answer else "0", "true", q.feedback_true, fmt=w.AUTO)
        w.answer(el, "0" if q.answer else "100", "false", q.feedback_false, fmt=w.AUTO)
        return el

    def qti(self, q, w):
        choices = [("C_true", "True", q.feedback_true), ("C_false", "False", q.feedback_false)]
        return qti_choices(q, w, choices, ["C_true" if q.answer else "C_false"], multiple=False, shuffle=False)


TYPE = TrueFalseType()
