"""Question types: each is one module, and the rest of the code asks the type.

The last test adds a type the package does not have, defined in the test
alone, and runs it through loading, checking, the schema, writing back, the
browser's view, the grader's marking and the exports: nothing outside its own module has
to change for that.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from courseforge.quiz.model import QUESTION_CLASSES, QUESTION_TYPES
from courseforge.quiz.spec import TYPE_FIELDS
from courseforge.quiz.types import TYPES, QuestionType

SRC = Path(__file__).resolve().parents[2] / "src"


def test_the_registry_names_each_type_by_its_model():
    assert QUESTION_TYPES == ("single", "multiple", "true_false", "fill_blank", "numeric", "matching", "ordering")
    for name, t in TYPES.items():
        assert t.name == name == t.model.type
        assert QUESTION_CLASSES[name] is t.model
        assert TYPE_FIELDS[name] == t.fields and t.fields, name


def test_every_type_gives_every_concern_its_own_answer():
    # A type that forgot one would silently take the base class's default.
    concerns = ["data", "public", "template", "mark", "marker", "read_cell", "gift", "moodle_xml", "qti"]
    for name, t in TYPES.items():
        missing = [c for c in concerns if getattr(type(t), c) is getattr(QuestionType, c)]
        assert not missing, f"{name} does not say {missing}"


NEW_TYPE = '''
from dataclasses import dataclass
from typing import ClassVar

from courseforge.quiz import types
from courseforge.quiz.fields import TEXT, Field
from courseforge.quiz.types.base import Question, QuestionType
from courseforge.quiz.types.marking import AnswerError


@dataclass(kw_only=True)
class Keyword(Question):
    type: ClassVar[str] = "keyword"
    word: str


class KeywordType(QuestionType):
    name = "keyword"
    model = Keyword
    fields = (Field("word", TEXT, True, "The one word that answers.", example="word: remittances"),)

    def check(self, vals, what, reader):
        if "word" in vals and " " in vals["word"][0].strip():
            reader.error(vals["word"][1], f"the word of {what} has spaces: write one word")

    def data(self, q):
        return {"word": q.word}

    def public(self, q, with_key):
        return {"word": q.word} if with_key else {}

    answer_classes = (str,)

    def mark(self, q, answer, quiz=None):
        return 1.0 if answer.strip().casefold() == q.word.casefold() else 0.0

    def marker(self, q, quiz=None):
        def mark(answer):
            if answer.__class__ is not str:
                raise AnswerError("expected one word")
            return self.mark(q, answer) * q.points, 0
        return mark

    def read_cell(self, q, text):
        return text


types.TYPES["keyword"] = KeywordType()  # before anything reads the registry
'''

SCRIPT = '''
import json
from pathlib import Path

from courseforge.export.gift import export_gift
from courseforge.grade.marking import QuizMarking
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.public import public_quiz
from courseforge.quiz.schema import quiz_schema

HEAD = "# yaml-language-server: $schema=../schema/quiz-v1.schema.json\\n"
QUIZ = HEAD + """id: k
module: m
title: Words
mode: practice
pass_mark: 50
questions:
  - id: q1
    type: keyword
    prompt: What is money sent home called?
    word: {word}
    explanation: Paragraph 3 names it.
    source: {{doc: d, para: 3}}
"""
tmp = Path(TMP)
good, bad = tmp / "good.yml", tmp / "bad.yml"
good.write_text(QUIZ.format(word="remittances"), encoding="utf-8")
bad.write_text(QUIZ.format(word="money home"), encoding="utf-8")
quiz, diags = load_quiz_file(good, tmp)
assert quiz is not None and not diags, diags
assert quiz.questions[0].word == "remittances"
_, diags = load_quiz_file(bad, tmp)
assert [(d.line, d.col, d.message) for d in diags] == [(11, 11, "the word of question 'q1' has spaces: write one word")]
good.write_text(dump_quiz(quiz), encoding="utf-8")
assert load_quiz_file(good, tmp)[0] == quiz
schema = json.dumps(quiz_schema())
assert '"const": "keyword"' in schema and "The one word that answers." in schema
view = public_quiz(quiz)["questions"][0]
assert view["type"] == "keyword" and view["word"] == "remittances"
marking = QuizMarking(quiz).questions[0]
assert marking(" Remittances")[0] == 1.0 and marking("wages")[0] == 0.0
text, notes = export_gift([quiz], "Course")
assert "What is money sent home called" not in text
assert any("keyword" in str(n) for n in notes), notes
print("OK")
'''


def test_a_new_type_is_one_module(tmp_path):
    code = NEW_TYPE + f"TMP = {str(tmp_path)!r}\n" + textwrap.dedent(SCRIPT)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert run.returncode == 0 and run.stdout.strip() == "OK", run.stderr[-3000:]
