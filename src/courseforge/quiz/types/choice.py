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
