"""What the two choice types (``single`` and ``multiple``) share: their options."""

from __future__ import annotations

from dataclasses import dataclass

from ..fields import BOOL, Field, ID, TEXT


@dataclass
class Option:
    id: str
    text: str
    correct: bool
    feedback: str | None = None


OPTION = (
    Field("id", ID, True, "Option id, unique in the question (a learner's answer names it).", example="id: a"),
    Field("text", TEXT, True, "What the learner reads (Markdown).", example="text: what the learner reads"),
    Field("correct", BOOL, True, "true for a right option, false for a wrong one.", example="correct: false"),
    Field("feedback", TEXT, False, "Shown when the learner picks this option (practice mode)."),
)


def check_options(vals: dict, what: str, reader, qtype: str) -> None:
    """How many options are right (exactly one for single, at least one for multiple), and distinct texts."""
    if "options" not in vals:
        return
    opts = [v for v, _ in vals["options"][0] if v is not None]
    right = [v["id"][0] for v in opts if v.get("correct", (False,))[0] and "id" in v]
    onode = vals["options"][1]
    if len(opts) == len(vals["options"][0]) and all("correct" in v for v in opts):
        if qtype == "single" and len(right) == 0:
            reader.error(onode, f"{what} (single) has no correct option: mark exactly one option with "
                                "correct: true")
        elif qtype == "single" and len(right) > 1:
            reader.error(onode, f"{what} (single) has {len(right)} correct options ({', '.join(right)}): "
                                "mark exactly one with correct: true, or use type: multiple for several "
                                "right answers")
        elif qtype == "multiple" and not right:
            reader.error(onode, f"{what} (multiple) has no correct option: mark at least one option with "
                                "correct: true")
    reader.unique_texts(vals["options"][0], "text", "option", what)


def options_data(options: list[Option]) -> list[dict]:
    """Options as plain data for quiz.dump (no feedback field where there is none)."""
    out = []
    for o in options:
        od = {"id": o.id, "text": o.text, "correct": o.correct}
        if o.feedback is not None:
            od["feedback"] = o.feedback
        out.append(od)
    return out
