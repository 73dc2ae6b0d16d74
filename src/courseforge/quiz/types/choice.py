"""What the two choice types (``single`` and ``multiple``) share: their options."""

from __future__ import annotations

from dataclasses import dataclass

from ..fields import Field


@dataclass
class Option:
    id: str
    text: str
    correct: bool
    feedback: str | None = None


OPTION = (
    Field("id", "id", True, "Option id, unique in the question (a learner's answer names it).", example="id: a"),
    Field("text", "text", True, "What the learner reads (Markdown).", example="text: what the learner reads"),
    Field("correct", "bool", True, "true for a right option, false for a wrong one.", example="correct: false"),
    Field("feedback", "text", False, "Shown when the learner picks this option (practice mode)."),
)


# --- exports (export.gift, export.moodle_xml, export.qti) ---

def gift_options(q, w, mark) -> str:
    """A choice question's GIFT answer block: one line per option, ``mark(option)`` before its text."""
    return w.block(q, [f"\t{mark(o)}{w.escape(o.text)}{w.feedback(o.feedback)}\n" for o in q.options])


def moodle_xml_options(q, w, right: str, wrong: str, *, single: bool):
    """A choice question as Moodle's ``multichoice``: each option worth ``right`` or ``wrong`` percent."""
    el = w.question(q, "multichoice")
    w.value(el, "single", "true" if single else "false")
    w.value(el, "shuffleanswers", "true")
    w.value(el, "answernumbering", "abc")
    w.combined_feedback(el)
    for o in q.options:
        w.answer(el, right if o.correct else wrong, o.text, o.feedback)
    return el
