"""``multiple``: one or more right options among several."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field, Objects
from .base import Question, QuestionType
from .choice import OPTION, Option, check_options, gift_options, moodle_xml_options, options_data, qti_choices
from .marking import ALL_OR_NOTHING, PARTIAL, Marker, id_list, split_cell
from .single import SingleType


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
        Field("options", Objects("option", min_items=2), True, "The choices; one or more have correct: true.",
              example="options:\n  - {id: a, text: ..., correct: true}"),
    )
    parts = {"option": (Option, OPTION)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        check_options(vals, what, reader, "multiple")

    def data(self, q):
        return {"options": options_data(q.options)}

    # --- the browser's view of a question (quiz.public) ---
    public = SingleType.public  # the same options, flagged the same way in practice

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/multiple.html"

    def page_data(self, q, inline):
        return {"options": [{"id": o["id"], "correct": bool(o.get("correct")), "feedback": inline(o.get("feedback"))}
                            for o in q["options"]]}

    # --- marking an answer (grade) ---

    answer_classes = (list,)
    answer_key = tuple

    def mark(self, question: MultipleChoice, answer: list[str], quiz: Any = None) -> float:
        """``multiple_scoring: partial`` (the default): (right options chosen − wrong options
        chosen) ÷ number of right options, never below 0. With 2 right options out of 4: both
        right → 1; one right → 0.5; one right and one wrong → 0; everything ticked → 0.
        ``all_or_nothing``: 1 only when exactly the right options are chosen."""
        right = {o.id for o in question.options if o.correct}
        picked = set(answer)
        hits = len(picked & right)
        wrong = len(picked) - hits
        n_right = len(right)
        rule = PARTIAL if quiz is None else quiz.multiple_scoring
        if rule == ALL_OR_NOTHING or n_right == 0:
            return 1.0 if hits == n_right and wrong == 0 else 0.0
        return max(0.0, (hits - wrong) / n_right)

    def marker(self, question: MultipleChoice, quiz: Any = None) -> Marker:
        pts = float(question.points)
        ids = {o.id: i for i, o in enumerate(question.options)}

        def mark(ans: Any) -> tuple[float, int]:
            bits = 0  # the choice code: bit i set when option i is chosen
            for i in id_list(ans, ids, "option"):
                bits |= 1 << i
            return self.mark(question, ans, quiz) * pts, bits

        return mark

    def read_cell(self, question: MultipleChoice, text: str) -> list[str]:
        return split_cell(text)  # option ids separated by |

    def choice_groups(self, question: MultipleChoice) -> list:
        return [(None, [(o.id, o.text, o.correct) for o in question.options])]

    def chosen(self, question: MultipleChoice, code: int) -> list[tuple[int, int]]:
        return [(0, i) for i in range(len(question.options)) if code >> i & 1]

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        right, wrong = self._moodle_weights(q, w)
        return w.question(q, gift_options(q, w, lambda o: f"~%{right if o.correct else wrong}%"))

    def moodle_xml(self, q, w):
        return moodle_xml_options(q, w, *self._moodle_weights(q, w), single=False)

    def _moodle_weights(self, q, w) -> tuple[str, str]:
        """Moodle's percent text for a right and a wrong option (both Moodle writers use it).

        "partial" scoring counts right choices minus wrong ones over the number of
        right options, floored at 0 -- exactly what Moodle does with +1/n and -1/n
        fractions (it floors a question's mark at 0 too). "all_or_nothing" has no
        Moodle equivalent; -100% per wrong choice comes closest. Both are noted, and
        so are 1/n fractions missing from Moodle's list.
        """
        n_correct = sum(o.correct for o in q.options)
        right = 1.0 / n_correct if n_correct else 0.0
        wrong = -right if w.quiz.multiple_scoring == "partial" else -1.0
        if w.quiz.multiple_scoring == "all_or_nothing":
            w.note(q, "all-or-nothing scoring has no Moodle equivalent — exported with -100% per wrong "
                   "choice, so Moodle gives partial credit for some right choices and no wrong one",
                   kind="all-or-nothing scoring", summary="no Moodle equivalent ({count}); exported with -100% per "
                   "wrong choice, so Moodle gives partial credit for some right choices and no wrong one")
        right_text, exact = w.weight(right)
        if not exact:
            w.note(q, f"{n_correct} right options: Moodle has no grade of 1/{n_correct} — "
                   f"each exported as {right_text}%", kind="grades Moodle lacks",
                   summary="right options weighted 1/n with no such Moodle grade ({count}); each exported as the "
                   "nearest grade Moodle has")
        return right_text, w.weight(wrong)[0]

    def qti(self, q, w):
        choices = [(w.ident("C", o.id), o.text, o.feedback) for o in q.options]
        return qti_choices(q, w, choices, [w.ident("C", o.id) for o in q.options if o.correct], multiple=True)


TYPE = MultipleType()
