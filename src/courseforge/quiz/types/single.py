"""``single``: one right option among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field, Objects
from .base import Question, QuestionType
from .choice import OPTION, Option, check_options, gift_options, moodle_xml_options, options_data, qti_choices
from .marking import AnswerError, Marker, kind, show


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
        Field("options", Objects("option", min_items=2), True, "The choices; exactly one has correct: true.",
              example="options:\n  - {id: a, text: ..., correct: true}"),
    )
    parts = {"option": (Option, OPTION)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        check_options(vals, what, reader, "single")

    def data(self, q):
        return {"options": options_data(q.options)}

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
    template = "courseforge/questions/single.html"

    def page_data(self, q, inline):
        return {"options": [{"id": o["id"], "correct": bool(o.get("correct")), "feedback": inline(o.get("feedback"))}
                            for o in q["options"]]}

    # --- marking an answer (grade) ---

    answer_classes = (str,)

    def mark(self, question: SingleChoice, answer: str, quiz: Any = None) -> float:
        """All or nothing: 1 for a right option's id (a key may mark more than one option right)."""
        return 1.0 if any(o.correct and o.id == answer for o in question.options) else 0.0

    def marker(self, question: SingleChoice, quiz: Any = None) -> Marker:
        pts = float(question.points)
        # option id -> (mark, its index as the choice code): one look-up marks a valid answer
        table = {o.id: (self.mark(question, o.id, quiz) * pts, i) for i, o in enumerate(question.options)}

        def mark(ans: Any) -> tuple[float, int]:
            r = table.get(ans) if ans.__class__ is str else None
            if r is None:
                if ans.__class__ is not str:
                    raise AnswerError(f"expected one option id (text), got {kind(ans)}")
                raise AnswerError(f"option {show(ans)} does not exist")
            return r

        return mark

    def read_cell(self, question: SingleChoice, text: str) -> str:
        return text.strip()  # the option id

    def choice_groups(self, question: SingleChoice) -> list:
        return [(None, [(o.id, o.text, o.correct) for o in question.options])]

    def chosen(self, question: SingleChoice, code: int) -> list[tuple[int, int]]:
        return [(0, code)]  # the code is the option's index

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        return w.question(q, gift_options(q, w, lambda o: "=" if o.correct else w.wrong(o.text)))

    def moodle_xml(self, q, w):
        return moodle_xml_options(q, w, "100", "0", single=True)

    def qti(self, q, w):
        choices = [(w.ident("C", o.id), o.text, o.feedback) for o in q.options]
        return qti_choices(q, w, choices, [w.ident("C", o.id) for o in q.options if o.correct], multiple=False)


TYPE = SingleType()
