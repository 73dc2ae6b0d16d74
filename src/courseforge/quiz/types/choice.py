"""What the two choice types (``single`` and ``multiple``) share: their options, and how the exports
write a choice question (``true_false`` is a choice interaction in QTI too)."""

from __future__ import annotations

from dataclasses import dataclass

from ..fields import BOOL, ID, TEXT, Field


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


def qti_choices(q, w, choices: list[tuple[str, str, str | None]], correct: list[str], *, multiple: bool,
                shuffle: bool = True):
    """A choiceInteraction item (``single``, ``multiple``, ``true_false``): ``choices`` are (identifier,
    text, feedback), ``correct`` the right identifiers.

    Scored by a standard template wherever one says the rule: partial credit
    (``multiple``) maps +points/n and -points/n per choice (map_response); a
    1-point question is match_correct; a ``single`` worth more maps its right
    choice to the points; an all-or-nothing ``multiple`` worth more needs the
    match_correct rule written out with its points.
    """
    it = w.item(q)
    points = q.points
    decl = it.response("multiple" if multiple else "single", "identifier", correct)
    template, custom = None, None
    if multiple and w.quiz.multiple_scoring == "partial":
        n = len(correct)
        mapping = w.sub(decl, "mapping", {"lowerBound": "0", "upperBound": w.number(points), "defaultValue": "0"})
        for cid, _text, _fb in choices:
            value = points / n if cid in correct else -points / n
            w.sub(mapping, "mapEntry", {"mapKey": cid, "mappedValue": repr(round(value, 7)), "caseSensitive": "true"})
        template = "map_response"
    elif points == 1:
        template = "match_correct"
    elif not multiple:
        # the right choice is worth the points, any other 0: map_response says it for any mark
        mapping = w.sub(decl, "mapping", {"defaultValue": "0"})
        w.sub(mapping, "mapEntry", {"mapKey": correct[0], "mappedValue": w.number(points), "caseSensitive": "true"})
        template = "map_response"
    else:  # all or nothing, worth more than the 1 point match_correct gives
        def custom(rp):
            w.match_correct(rp, points)
    inter = w.sub(it.body(), "choiceInteraction", {"responseIdentifier": "RESPONSE",
                                                   "shuffle": "true" if shuffle else "false",
                                                   "maxChoices": "0" if multiple else "1"})
    for cid, text, fb in choices:
        it.choice(inter, cid, text, fb)
    return it.done(template, custom, with_response=True, choice_feedback=any(fb for _cid, _text, fb in choices))
