"""``numeric``: a number, right within a tolerance."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

from ..fields import NONNEG, NUMBER, TEXT, Field
from .base import Question, QuestionType
from .marking import AnswerError, Marker, kind, parse_number


@dataclass(kw_only=True)
class Numeric(Question):
    type: ClassVar[str] = "numeric"
    answer: float
    tolerance: float = 0
    unit: str | None = None  # shown beside the input box, e.g. "million", "%"

    @property
    def key(self) -> float:
        return self.answer


class NumericType(QuestionType):
    name = "numeric"
    model = Numeric
    fields = (
        Field("answer", NUMBER, True, "The right number.", example="answer: 80"),
        Field("tolerance", NONNEG, False, "How far from the answer still counts as right (default 0).",
              default=0),
        Field("unit", TEXT, False, "Unit shown beside the input box, e.g. million or %."),
    )

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def data(self, q):
        d = {"answer": q.answer, "tolerance": q.tolerance}
        if q.unit is not None:
            d["unit"] = q.unit
        return d

    # --- the browser's view of a question (quiz.public) ---
    def public(self, q: Numeric, with_key: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"unit": q.unit}
        if with_key:
            out["answer"] = q.answer
            out["tolerance"] = q.tolerance
        return out


    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/numeric.html"

    def page_data(self, q, inline):
        return {"answer": q["answer"], "tolerance": q["tolerance"]}

    # --- marking an answer (grade) ---

    answer_classes = (int, float)  # bool is left out on purpose

    def mark(self, question: Numeric, answer: float, quiz: Any = None) -> float:
        """1 when |answer − key| ≤ tolerance (plus a hair, 1e-9 of the key, so that 0.1 + 0.2
        style rounding never costs a learner a point)."""
        key = float(question.answer)
        slack = abs(float(question.tolerance or 0)) + 1e-9 * max(1.0, abs(key))
        return 1.0 if abs(answer - key) <= slack else 0.0

    def marker(self, question: Numeric, quiz: Any = None) -> Marker:
        pts = float(question.points)

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ not in (int, float):
                raise AnswerError(f"expected a number, got {kind(ans)}")
            try:
                if not math.isfinite(ans):
                    raise AnswerError("expected a number, got infinity or NaN")
                return self.mark(question, ans, quiz) * pts, 0
            except OverflowError:  # an integer with hundreds of digits
                raise AnswerError("the number is too large") from None

        return mark

    def read_cell(self, question: Numeric, text: str) -> float:
        return parse_number(text)  # 3.5 or 3,5

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    def gift(self, q, w):
        tol = f":{w.number(q.tolerance)}" if q.tolerance else ""
        block = w.block(q, [f"\t={w.number(q.answer)}{tol}\n"], opener="{#")
        if not q.unit:
            return w.question(q, block)
        w.note(q, f"GIFT has no units — the unit '{q.unit}' is added to the prompt",
               kind="units", summary="GIFT has no units ({count}): each is added to its prompt")
        return w.question(q, block, f"{q.prompt} (answer in {q.unit})")

    def moodle_xml(self, q, w):
        prompt = None
        if q.unit:
            prompt = f"{q.prompt} (answer in {q.unit})"
            w.note(q, f"the unit '{q.unit}' is added to the prompt (Moodle would otherwise grade units)",
                   kind="units", summary="added to the prompt ({count}); Moodle would otherwise grade units")
        el = w.question(q, "numerical", prompt)
        a = w.answer(el, "100", w.number(q.answer), fmt=w.AUTO)
        w.value(a, "tolerance", w.number(q.tolerance))
        w.value(el, "unitgradingtype", "0")  # only the number is graded
        w.value(el, "unitpenalty", "0")
        w.value(el, "showunits", "3")  # no unit input
        w.value(el, "unitsleft", "0")
        return el

    def qti(self, q, w):
        """A textEntryInteraction (float), the unit after it; a rule of its own compares with the
        tolerance (``match`` is not for floats)."""
        it = w.item(q)
        it.response("single", "float", [w.number(q.answer)])
        inp = w.sub(w.sub(it.body(), "p"), "textEntryInteraction", {"responseIdentifier": "RESPONSE",
                                                                    "expectedLength": "10"})
        if q.unit:
            inp.tail = f" {q.unit}"
        if q.tolerance:
            t = w.number(q.tolerance)
            equal = w.element("equal", {"toleranceMode": "absolute", "tolerance": f"{t} {t}",
                                        "includeLowerBound": "true", "includeUpperBound": "true"})
        else:
            equal = w.element("equal", {"toleranceMode": "exact"})
        w.sub(equal, "variable", {"identifier": "RESPONSE"})
        w.sub(equal, "correct", {"identifier": "RESPONSE"})
        return it.done(custom=lambda rp: w.match_correct(rp, q.points, compare=equal))


TYPE = NumericType()
