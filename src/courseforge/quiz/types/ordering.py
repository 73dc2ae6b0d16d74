"""``ordering``: items the learner puts in order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ..alias import public_alias
from ..fields import ID, TEXT, Field, Objects
from .base import Question, QuestionType
from .marking import Marker, id_list, split_cell


@dataclass
class Item:
    id: str
    text: str


ITEM = (
    Field("id", ID, True, "Item id, unique in the question.", example="id: i1"),
    Field("text", TEXT, True, "The item's text.", example="text: what the learner reads"),
)


@dataclass(kw_only=True)
class Ordering(Question):
    type: ClassVar[str] = "ordering"
    items: list[Item]  # listed in the correct order

    @property
    def key(self) -> list[str]:
        return [i.id for i in self.items]


class OrderingType(QuestionType):
    name = "ordering"
    model = Ordering
    fields = (
        Field("items", Objects("item", min_items=2), True, "The items, listed in the correct order; at least 2.", example="items:\n  - {id: i1, text: ...}"),
    )
    parts = {"item": (Item, ITEM)}

    # --- reading and checking a quiz file (quiz.load) and writing it back (quiz.dump) ---

    def check(self, vals, what, reader):
        if "items" in vals:
            reader.unique_texts(vals["items"][0], "text", "item", what)

    def data(self, q):
        return {"items": [{"id": i.id, "text": i.text} for i in q.items]}

    # --- the browser's view of a question (quiz.public) ---
    def public(self, q: Ordering, with_key: bool) -> dict[str, Any]:
        # Items travel under aliases: authors often number them in the right order.
        items = [{"id": public_alias(q, i.text), "text": i.text} for i in q.items]
        if with_key:
            return {"items": items}  # in the correct order
        return {"items": sorted(items, key=lambda i: (i["text"].casefold(), i["id"]))}

    def aliases(self, q: Ordering) -> dict[str, str]:
        return {public_alias(q, i.text): i.id for i in q.items}

    def resolve_answer(self, q: Ordering, answer: Any) -> Any:
        if not isinstance(answer, list):
            return answer
        table = self.aliases(q)
        return [table.get(v, v) if isinstance(v, str) else v for v in answer]

    # --- rendering on a page (site.render) ---
    template = "courseforge/questions/ordering.html"

    def page_view(self, q, *, practice, shuffle, derange):
        items = {i["id"]: i for i in q["items"]}
        order = shuffle(list(items))
        if practice:  # the public view lists a practice's items in the right order
            order = derange(order, list(items))
        return {"items": [items[iid] for iid in order]}

    def page_data(self, q, inline):
        return {"key": [i["id"] for i in q["items"]]}  # practice lists items in the right order

    # --- marking an answer (grade) ---

    answer_classes = (list,)
    answer_key = tuple

    def mark(self, question: Ordering, answer: list[str], quiz: Any = None) -> float:
        """Items in their correct position ÷ number of items."""
        items = [i.id for i in question.items]
        if not items:
            return 0.0
        return sum(1 for want, got in zip(items, answer) if want == got) / len(items)

    def marker(self, question: Ordering, quiz: Any = None) -> Marker:
        from ..public import aliases  # here, not at the top: quiz.public imports the types

        pts = float(question.points)
        known = {i.id: n for n, i in enumerate(question.items)}
        alias = aliases(question)  # the site names items by alias (quiz.public)
        known.update({a: known[m] for a, m in alias.items()})

        def mark(ans: Any) -> tuple[float, int]:
            id_list(ans, known, "item")
            if alias:
                ans = [alias.get(v, v) for v in ans]
            return self.mark(question, ans, quiz) * pts, 0

        return mark

    def read_cell(self, question: Ordering, text: str) -> list[str]:
        return split_cell(text)  # item ids separated by |

    # --- exports (export.gift, export.moodle_xml, export.qti) ---

    # Moodle's ordering settings in GIFT: all items shown, one under the other, each
    # item in its right place earning its share (Moodle's "absolute position" grading,
    # the rule of the site and of ``courseforge grade``), grading details shown, no numbering.
    GIFT_HEADER = "ALL VERTICAL ABSOLUTE_POSITION SHOW none"

    @staticmethod
    def _gift_item_problem(text: str) -> str | None:
        """Why an item cannot be one line of a GIFT ordering question as Moodle reads it, or None."""
        if "{" in text or "}" in text:
            return "a brace"
        if "\n" in text or "\r" in text:
            return "a line break"
        if "####" in text:
            return "'####'"
        if text.strip() == "0":
            return "only the text '0', which Moodle drops"
        return None

    def gift(self, q, w):
        """The GIFT form of Moodle's ordering question type (core since Moodle 4.4,
        ``qtype_ordering::import_from_gift``)::

            ::quiz/q::[markdown]Put the steps in order.{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW none
                First step
                Second step
                Third step
                ####Why this order.
            }

        The header is the number of items shown and :attr:`GIFT_HEADER`; then one
        item per line in the right order. Moodle does not unescape the items (an
        escaped colon would show as ``&&058;``), so they are written as they are,
        only backslashes doubled; an item that cannot be written so (a brace, a line
        break, ``####``, or the text ``0``, which Moodle drops) makes the question
        skipped with a note.
        """
        for item in q.items:
            problem = self._gift_item_problem(item.text)
            if problem:
                return w.skip(q, f"item '{item.id}' has {problem}, which Moodle's GIFT ordering import cannot "
                              "read — skipped; export Moodle XML or QTI to keep it")
        lines = [f"\t{item.text.strip().replace(chr(92), chr(92) * 2)}\n" for item in q.items]
        return w.question(q, w.block(q, lines, opener=f"{{>{len(q.items)} {self.GIFT_HEADER}"))

    def moodle_xml(self, q, w):
        """Moodle's ``ordering`` question type (core since 4.4, a plugin before); each answer's
        ``fraction`` is its position, as Moodle itself writes it."""
        el = w.question(q, "ordering")
        w.value(el, "layouttype", "VERTICAL")
        w.value(el, "selecttype", "ALL")
        w.value(el, "selectcount", "0")
        # each item in its right place earns its share, as the site and courseforge grade mark it
        w.value(el, "gradingtype", "ABSOLUTE_POSITION")
        w.value(el, "showgrading", "SHOW")
        w.value(el, "numberingstyle", "none")
        w.combined_feedback(el)
        for pos, item in enumerate(q.items, start=1):
            w.answer(el, f"{pos}.0000000", item.text)
        return el

    def qti(self, q, w):
        """An orderInteraction (ordered identifiers), scored by :meth:`_qti_rule`."""
        it = w.item(q)
        order = [w.ident("I", i.id) for i in q.items]
        it.response("ordered", "identifier", order)
        inter = w.sub(it.body(), "orderInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "true"})
        for item in q.items:
            it.inline(w.sub(inter, "simpleChoice", {"identifier": w.ident("I", item.id)}), item.text)
        return it.done(custom=lambda rp: self._qti_rule(rp, w, order, q.points))

    @staticmethod
    def _qti_rule(rp, w, order: list[str], points: float) -> None:
        """Each item in its right place adds its share of the points; SCORE starts at its default 0.

        No template says this (match_correct is all or nothing, and mapResponse
        does not take ordered responses). A missing response makes ``index``
        NULL, so no condition holds and the score stays 0.
        """
        share = repr(round(points / len(order), 7)) if order else "0"
        for pos, ident in enumerate(order, start=1):
            rif = w.sub(w.sub(rp, "responseCondition"), "responseIf")
            match = w.sub(rif, "match")
            w.sub(w.sub(match, "index", {"n": str(pos)}), "variable", {"identifier": "RESPONSE"})
            w.base(match, "identifier", ident)
            total = w.sub(w.sub(rif, "setOutcomeValue", {"identifier": "SCORE"}), "sum")
            w.sub(total, "variable", {"identifier": "SCORE"})
            w.base(total, "float", share)


TYPE = OrderingType()
