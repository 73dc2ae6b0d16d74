"""``true_false``: a statement the learner judges true or false."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import BOOL, TEXT, Field
from .base import Question, QuestionType
from .choice import qti_choices
from .marking import FALSE_WORDS, TRUE_WORDS, AnswerError, Marker, kind, show


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

    answer_classes = (bool,)

    def mark(self, question: TrueFalse, answer: bool, quiz: Any = None) -> float:
        """All or nothing."""
        return 1.0 if answer is question.answer else 0.0

    def marker(self, question: TrueFalse, quiz: Any = None) -> Marker:
        pts = float(question.points)
        yes = (self.mark(question, True, quiz) * pts, 1)  # the choice code: 1 for true, 0 for false
        no = (self.mark(question, False, quiz) * pts, 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans is True:
                return yes
            if ans is False:
                return no
            raise AnswerError(f"expected true or false, got {kind(ans)}")

        return mark

    def read_cell(self, question: TrueFalse, text: str) -> bool:
        low = text.strip().casefold()  # true/false, yes/no, y/n, t/f, 1/0, in any case
        if low in TRUE_WORDS:
            return True
        if low in FALSE_WORDS:
            return False
        raise AnswerError(f"expected true or false (or yes/no), got {show(text)}")

    def choice_groups(self, question: TrueFalse) -> list:
        return [(None, [("true", "true", question.answer is True), ("false", "false", question.answer is False)])]

    def chosen(self, question: TrueFalse, code: int) -> list[tuple[int, int]]:
        return [(0, 0 if code == 1 else 1)]

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
