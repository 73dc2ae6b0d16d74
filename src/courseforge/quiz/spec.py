"""Quiz format v1 as one table of field specs.

The loader (``quiz.load``) checks fields against these specs and the JSON
Schema (``quiz.schema``) is generated from them, so what editors accept and
what ``courseforge check`` accepts cannot drift apart. Rules that span
several fields (exactly one correct option, one blank in a prompt, unique
ids) live in the loader; the schema carries what a schema can say.
"""

from __future__ import annotations

from .fields import Field
from .model import BLOOM_LEVELS, MODES, QUESTION_TYPES
from .types import TYPES

SCHEMA_ID = "quiz-v1.schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/quiz-v1.schema.json"
# Ids name answers in learners' records and appear in URLs: keep them plain.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
ID_MAX = 80
MULTIPLE_SCORING = ("partial", "all_or_nothing")


# --- the objects ------------------------------------------------------------

QUIZ = (
    Field("id", "id", True, "Quiz id, unique in the course; keys learners' progress, so keep it stable.",
          example="id: 01-nexus-practice"),
    Field("module", "id", True, "Id of the module page this quiz belongs to (the page's file name without .md).",
          example="module: 01-migration-development-nexus"),
    Field("title", "text", True, "Title shown above the quiz.", example="title: Check your understanding"),
    Field("mode", "enum", True, "practice: immediate feedback; assessment: learners submit a file to be graded.",
          choices=MODES, example="mode: practice"),
    Field("pass_mark", "percent", True, "Percentage of the points needed to pass (0-100).", example="pass_mark: 70"),
    Field("multiple_scoring", "enum", False, "How 'multiple' questions are marked: partial (default) or "
          "all_or_nothing.", choices=MULTIPLE_SCORING, default="partial"),
    Field("assessment_hints", "bool", False, "true to offer the questions' hints in an assessment too (practice "
          "always offers them); by default an assessment shows none.", default=False),
    Field("description", "text", False, "Short introduction shown above the questions (Markdown)."),
    Field("questions", "objects", True, "The questions, in the order shown.", of="question", min_items=1,
          example="questions:\n  - id: q1 ..."),
)

SOURCE = (
    Field("doc", "id", True, "Id of a seed document in seeds/sources.yml.", example="doc: desa-2004-social-perspective"),
    Field("para", "para", True, "Paragraph id in that document, e.g. 18 or annex-6.", example="para: 18"),
    Field("text", "text", False, "Fingerprint of the paragraph's text when the question was written (courseforge "
          "fills it in): `courseforge check` reports the question when the paragraph changes; after checking the "
          "question, `courseforge check --accept` records the new text.", example="text: kcofhaiblm"),
)

QUESTION = (
    Field("id", "id", True, "Question id, unique in the quiz and stable (learners' answers name it).",
          example="id: q1"),
    Field("type", "enum", True, "The question type.", choices=QUESTION_TYPES, example="type: single"),
    Field("prompt", "text", True, "The question (Markdown). A fill_blank prompt holds ___ once.",
          example="prompt: the question as the learner reads it"),
    Field("explanation", "text", True, "Why the right answer is right (Markdown); shown after answering.",
          example="explanation: why the right answer is right"),
    Field("source", "object", True, "The paragraph this question is drawn from.", of="source",
          example="source: {doc: <seed id>, para: <paragraph id>, text: <fingerprint>}"),
    Field("points", "points", False, "Points for a fully right answer (default 1).", default=1),
    Field("hints", "texts", False, "Hints the learner may open one by one."),
    Field("tags", "texts", False, "Free labels, e.g. topics."),
    Field("bloom", "enum", False, "Bloom's taxonomy level.", choices=BLOOM_LEVELS),
)

# Fields only a given question type takes, in the order they are written; each
# type's module holds its own.
TYPE_FIELDS: dict[str, tuple[Field, ...]] = {name: t.fields for name, t in TYPES.items()}

OBJECTS: dict[str, tuple[Field, ...]] = {"quiz": QUIZ, "question": QUESTION, "source": SOURCE}
for _t in TYPES.values():
    for _name, (_cls, _fields) in _t.parts.items():
        OBJECTS.setdefault(_name, _fields)


def fields_by_name(fields: tuple[Field, ...]) -> dict[str, Field]:
    return {f.name: f for f in fields}


# Every field name some question type takes: lets the loader tell "not used by
# this type" from "unknown field".
ALL_TYPE_FIELDS: dict[str, list[str]] = {}
for _t, _fs in TYPE_FIELDS.items():
    for _f in _fs:
        ALL_TYPE_FIELDS.setdefault(_f.name, []).append(_t)
