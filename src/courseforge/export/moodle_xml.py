"""Quizzes as Moodle XML, Moodle's complete question exchange format.

Moodle XML carries everything GIFT cannot: marks, hints, tags, matching
distractors (a subquestion with empty text) and ordering questions (the
``ordering`` question type, in Moodle's core since 4.4 and a plugin before;
its answers' ``fraction`` is the position, as Moodle itself writes it).
Texts are Markdown and say so with ``format="markdown"``. Fractions are
percentages taken from the list Moodle accepts on import.

How a question of each type is written, or why Moodle XML cannot hold it, is
the ``moodle_xml`` method of its type (``quiz/types/``), given a
:class:`MoodleXmlWriter` for the elements Moodle XML is made of.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..quiz.model import Quiz
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


class MoodleXmlWriter(MoodleWriter):
    """Moodle XML's elements, for the ``moodle_xml`` method of each question type."""

    format = FORMAT
    MD = MD
    AUTO = "moodle_auto_format"  # the format Moodle gives short answers (true, false, a number)

    text = staticmethod(_text)
    value = staticmethod(_value)
    answer = staticmethod(_answer)
    combined_feedback = staticmethod(_combined_feedback)

    @staticmethod
    def subquestion(parent: ET.Element, text: str, answer: str) -> None:
        sub = _text(parent, "subquestion", text)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = answer

    def question(self, q, qtype: str, prompt: str | None = None) -> ET.Element:
        """A ``<question type=qtype>`` with what every type has: name, ``prompt`` (the question's by
        default), general feedback, mark and id; the type adds its own parts."""
        el = ET.Element("question", {"type": qtype})
        name = question_name(self.quiz, q.id)
        ET.SubElement(ET.SubElement(el, "name"), "text").text = name
        _text(el, "questiontext", q.prompt if prompt is None else prompt)
        _text(el, "generalfeedback", q.explanation or "")
        _value(el, "defaultgrade", format_number(q.points))
        _value(el, "penalty", "0.3333333")
        _value(el, "hidden", "0")
        _value(el, "idnumber", name)
        return el


def _question(q, w: MoodleXmlWriter) -> ET.Element | None:
    el = type_of(q).moodle_xml(q, w)
    if el is None:
        return None
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
        w = MoodleXmlWriter(quiz, notes)
        for q in quiz.questions:
            el = _question(q, w)
            if el is not None:
                root.append(el)
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n", notes
