"""``fill_blank``: a prompt with one blank (``___``) the learner types into."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import Field, answers
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, normalise_text

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
    def public(self, q: FillBlank, with_key: bool) -> dict[str, Any]:
        return {"answers": list(q.answers)} if with_key else {}


    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/fill_blank.html"

    def page_prompt(self, prompt):
        # "___" (quiz.model.BLANK) is bold-italic to Markdown: show it as a visible gap instead.
        return prompt.replace("___", "\u2009\\_\\_\\_\\_\\_\u2009")

    def page_data(self, q, inline):
        return {"answers": q["answers"]}

    # --- marking an answer (grade) ---

    answer_classes = (str,)

    def accepted(self, question: FillBlank) -> frozenset[str]:
        """The accepted answers in :func:`~courseforge.quiz.types.marking.normalise_text`'s form."""
        return frozenset(normalise_text(a) for a in question.answers)

    def mark(self, question: FillBlank, answer: str, quiz: Any = None) -> float:
        """1 when the answer equals one of the accepted answers after normalising both (NFKC,
        case folded, white space made one space, trailing ``. , ; : ! ?`` removed)."""
        return 1.0 if normalise_text(answer) in self.accepted(question) else 0.0

    def marker(self, question: FillBlank, quiz: Any = None) -> Marker:
        pts = float(question.points)
        accepted = self.accepted(question)  # normalised once per question, not per answer

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not str:
                raise AnswerError(f"expected text, got {kind(ans)}")
            return (1.0 if normalise_text(ans) in accepted else 0.0) * pts, 0

        return mark

    def read_cell(self, question: FillBlank, text: str) -> str:
        return text

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

    def qti(self, q, w):
        """A textEntryInteraction (string) where the blank is; any accepted answer, case ignored, is worth
        the points (map_response)."""
        it = w.item(q, at_blank=True)
        mapping = w.sub(it.response("single", "string", q.answers[:1]), "mapping", {"defaultValue": "0"})
        seen = set()
        for a in q.answers:
            if a.casefold() not in seen:
                seen.add(a.casefold())
                w.sub(mapping, "mapEntry", {"mapKey": a, "mappedValue": w.number(q.points), "caseSensitive": "false"})
        body = it.body()
        length = str(max(10, *(len(a) for a in q.answers)))
        it.at_blank(body, lambda: w.element("textEntryInteraction", {"responseIdentifier": "RESPONSE",
                                                                     "expectedLength": length}))
        return it.done("map_response")


TYPE = FillBlankType()
