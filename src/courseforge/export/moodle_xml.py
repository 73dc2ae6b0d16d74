"""Quizzes as Moodle XML, Moodle's complete question exchange format.

Moodle XML carries everything GIFT cannot: marks, hints, tags, matching
distractors (a subquestion with empty text) and ordering questions (the
``ordering`` question type, in Moodle's core since 4.4 and a plugin before;
its answers' ``fraction`` is the position, as Moodle itself writes it).
Texts are Markdown and say so with ``format="markdown"``. Fractions are
percentages taken from the list Moodle accepts on import.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..quiz.model import (
    FillBlank,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    SingleChoice,
    TrueFalse,
)
from ..quiz.types import type_of
from .common import QUIZ_SETTINGS, MoodleWriter, category_path, format_number, question_name
from .report import Notes

FORMAT = "Moodle XML"
MD = "markdown"


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = MD) -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = text
    return el


def _value(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = value
    return el


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str | None = None, fmt: str | None = MD) -> ET.Element:
    el = ET.SubElement(parent, "answer", {"fraction": fraction, **({"format": fmt} if fmt else {})})
    ET.SubElement(el, "text").text = text
    fb = ET.SubElement(el, "feedback", {"format": MD})
    ET.SubElement(fb, "text").text = feedback or ""
    return el


def _combined_feedback(el: ET.Element) -> None:
    # Empty combined feedback: Moodle fills in its own defaults when left out
    # on some versions, so say explicitly that there is none.
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(el, tag, "")


def _question(quiz: Quiz, q, notes: Notes) -> ET.Element | None:
    qtype = {
        "single": "multichoice", "multiple": "multichoice", "true_false": "truefalse", "fill_blank": "shortanswer",
        "numeric": "numerical", "matching": "matching", "ordering": "ordering",
    }.get(q.type)
    if qtype is None:
        notes.add(quiz.id, q.id, f"question type {q.type!r} is unknown to the Moodle XML writer — skipped", skipped=True)
        return None
    el = ET.Element("question", {"type": qtype})
    name = question_name(quiz, q.id)
    ET.SubElement(ET.SubElement(el, "name"), "text").text = name
    prompt = q.prompt
    if isinstance(q, Numeric) and q.unit:
        prompt = f"{prompt} (answer in {q.unit})"
        notes.add(quiz.id, q.id, f"the unit '{q.unit}' is added to the prompt (Moodle would otherwise grade units)",
                  kind="units", summary="added to the prompt ({count}); Moodle would otherwise grade units")
    _text(el, "questiontext", prompt)
    _text(el, "generalfeedback", q.explanation or "")
    _value(el, "defaultgrade", format_number(q.points))
    _value(el, "penalty", "0.3333333")
    _value(el, "hidden", "0")
    _value(el, "idnumber", name)

    if isinstance(q, (SingleChoice, MultipleChoice)):
        single = isinstance(q, SingleChoice)
        _value(el, "single", "true" if single else "false")
        _value(el, "shuffleanswers", "true")
        _value(el, "answernumbering", "abc")
        _combined_feedback(el)
        right, wrong = ("100", "0") if single else type_of(q)._moodle_weights(q, MoodleWriter(quiz, notes))
        for o in q.options:
            _answer(el, right if o.correct else wrong, o.text, o.feedback)
    elif isinstance(q, TrueFalse):
        _answer(el, "100" if q.answer else "0", "true", q.feedback_true, fmt="moodle_auto_format")
        _answer(el, "0" if q.answer else "100", "false", q.feedback_false, fmt="moodle_auto_format")
    elif isinstance(q, FillBlank):
        _value(el, "usecase", "0")
        for a in q.answers:
            _answer(el, "100", a, fmt="moodle_auto_format")
    elif isinstance(q, Numeric):
        a = _answer(el, "100", format_number(q.answer), fmt="moodle_auto_format")
        _value(a, "tolerance", format_number(q.tolerance))
        _value(el, "unitgradingtype", "0")  # only the number is graded
        _value(el, "unitpenalty", "0")
        _value(el, "showunits", "3")  # no unit input
        _value(el, "unitsleft", "0")
    elif isinstance(q, Matching):
        if len(q.pairs) + len(q.distractors) < 3:
            notes.add(quiz.id, q.id, "Moodle's question editor asks for at least 3 answers in a matching question: "
                      "it imports as is, but add a distractor before editing it in Moodle", kind="matching with 2 answers",
                      summary="imports as is ({count}), but Moodle's editor asks for 3 answers: add a distractor "
                      "before editing in Moodle")
        _value(el, "shuffleanswers", "true")
        _combined_feedback(el)
        for p in q.pairs:
            sub = _text(el, "subquestion", p.left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = p.right
        # A subquestion with empty text is how Moodle stores an extra (wrong) answer.
        for d in q.distractors:
            sub = _text(el, "subquestion", "")
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = d.text
    elif isinstance(q, Ordering):
        _value(el, "layouttype", "VERTICAL")
        _value(el, "selecttype", "ALL")
        _value(el, "selectcount", "0")
        # each item in its right place earns its share, as the site and courseforge grade mark it
        _value(el, "gradingtype", "ABSOLUTE_POSITION")
        _value(el, "showgrading", "SHOW")
        _value(el, "numberingstyle", "none")
        _combined_feedback(el)
        for pos, item in enumerate(q.items, start=1):
            _answer(el, f"{pos}.0000000", item.text)
    for hint in q.hints:
        _text(el, "hint", hint)
    tags = list(q.tags) + ([f"bloom:{q.bloom}"] if q.bloom else []) + [f"source:{q.source.doc}#{q.source.para}"]
    tags_el = ET.SubElement(el, "tags")
    for t in tags:
        ET.SubElement(ET.SubElement(tags_el, "tag"), "text").text = t
    return el


def export_moodle_xml(quizzes: list[Quiz], course_title: str) -> tuple[bytes, Notes]:
    """All quizzes as one Moodle XML file, one category per module."""
    notes = Notes()
    root = ET.Element("quiz")
    root.append(ET.Comment(f" {course_title}: questions exported by courseforge; Moodle: Question bank > Import > "
                           "Moodle XML format. Each question is named quiz-id/question-id. "))
    current = None
    for quiz in sorted(quizzes, key=lambda z: (z.module, z.id)):
        category = category_path(course_title, quiz.module)
        if category != current:
            cat = ET.SubElement(root, "question", {"type": "category"})
            ET.SubElement(ET.SubElement(cat, "category"), "text").text = category
            _text(cat, "info", "", fmt="html")
            current = category
        notes.add(quiz.id, None, f"title, pass mark ({format_number(quiz.pass_mark)}%) and mode ({quiz.mode}) are "
                  "settings of the Moodle quiz, not of its questions: set them there", **QUIZ_SETTINGS)
        for q in quiz.questions:
            el = _question(quiz, q, notes)
            if el is not None:
                root.append(el)
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n", notes
