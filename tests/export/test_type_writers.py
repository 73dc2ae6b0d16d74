"""Each question type says how every export writes it; the exporters only ask."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from courseforge.export import gift, moodle_xml, qti
from courseforge.quiz import types
from courseforge.quiz.types.base import Question, QuestionType

TYPES_DIR = Path(types.__file__).parent
EXPORTS = {
    "gift": (gift.FORMAT, lambda quizzes: gift.export_gift(quizzes, "Course")),
    "moodle_xml": (moodle_xml.FORMAT, lambda quizzes: moodle_xml.export_moodle_xml(quizzes, "Course")),
    "qti": (qti.FORMAT, lambda quizzes: qti.export_qti(quizzes, "course", "Course")),
}


def test_every_type_writes_every_format():
    missing = [f"{name}.{hook}" for name, t in types.TYPES.items() for hook in EXPORTS
               if getattr(type(t), hook) is getattr(QuestionType, hook)]
    assert not missing, missing


@dataclass(kw_only=True)
class Hotspot(Question):
    type: ClassVar[str] = "hotspot"


class HotspotType(QuestionType):
    name = "hotspot"
    model = Hotspot


@pytest.mark.parametrize("hook", list(EXPORTS))
def test_a_type_without_a_writer_for_a_format_is_left_out_with_a_note(quizzes, monkeypatch, hook):
    fmt, export = EXPORTS[hook]
    _, before = export(quizzes)
    monkeypatch.setitem(types.TYPES, "hotspot", HotspotType())
    quiz = quizzes[0]
    quiz.questions.append(Hotspot(id="spot", prompt="Click the map.", explanation="", source=quiz.questions[0].source))
    out, notes = export(quizzes)
    assert notes.skipped() == before.skipped() | {(quiz.id, "spot")}
    [note] = [n for n in notes if n.question == "spot"]
    assert note.message == f"question type 'hotspot' is unknown to the {fmt} writer — skipped"
    quiz.questions.pop()
    assert out == export(quizzes)[0]  # the rest is written as before


def test_question_types_import_nothing_from_the_exporters():
    # quiz/ is below export/: the exporter hands each type its writer.
    offenders = []
    for path in sorted(TYPES_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name} imports {n}" for n in names if "export" in n.split(".")]
    assert not offenders, offenders
