"""Quiz format v1 as tables of field specs: the quiz, its questions' common
fields and their source here, each type's own fields in its module
(``quiz/types/``).

The loader (``quiz.load``) reads fields through their kinds
(:mod:`courseforge.quiz.fields`) and the JSON Schema (``quiz.schema``) is
generated from the same kinds, so what editors accept and what
``courseforge check`` accepts cannot drift apart. Rules that span several
fields (exactly one correct option, one blank in a prompt, unique ids) are
each type's checks; the schema carries what a schema can say.
"""

from __future__ import annotations

from .fields import BOOL, ID, ID_MAX, ID_PATTERN, PARA, PERCENT, POINTS, TEXT, TEXTS, Enum, Field, Object, Objects
from .model import BLOOM_LEVELS, MODES, QUESTION_TYPES
from .types import TYPES

__all__ = ["ID_MAX", "ID_PATTERN", "Field"]  # where older code imports them from

SCHEMA_ID = "quiz-v1.schema.json"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schema/quiz-v1.schema.json"
MULTIPLE_SCORING = ("partial", "all_or_nothing")


# --- the objects ------------------------------------------------------------

QUIZ = (
    Field("id", ID, True, "Quiz id, unique in the course; keys learners' progress, so keep it stable.",
          example="id: 01-nexus-practice"),
    Field("module", ID, True, "Id of the module page this quiz belongs to (the page's file name without .md).",
          example="module: 01-migration-development-nexus"),
    Field("title", TEXT, True, "Title shown above the quiz.", example="title: Check your understanding"),
    Field("mode", Enum(MODES), True, "practice: immediate feedback; assessment: learners submit a file to be graded.", example="mode: practice"),
    Field("pass_mark", PERCENT, True, "Percentage of the points needed to pass (0-100).", example="pass_mark: 70"),
    Field("multiple_scoring", Enum(MULTIPLE_SCORING), False, "How 'multiple' questions are marked: partial (default) or "
          "all_or_nothing.", default="partial"),
    Field("assessment_hints", BOOL, False, "true to offer the questions' hints in an assessment too (practice "
          "always offers them); by default an assessment shows none.", default=False),
    Field("description", TEXT, False, "Short introduction shown above the questions (Markdown)."),
    Field("questions", Objects("question", min_items=1), True, "The questions, in the order shown.",
          example="questions:\n  - id: q1 ..."),
)

SOURCE = (
    Field("doc", ID, True, "Id of a seed document in seeds/sources.yml.", example="doc: desa-2004-social-perspective"),
    Field("para", PARA, True, "Paragraph id in that document, e.g. 18 or annex-6.", example="para: 18"),
    Field("text", TEXT, False, "Fingerprint of the paragraph's text when the question was written (courseforge "
          "fills it in): `courseforge check` reports the question when the paragraph changes; after checking the "
          "question, `courseforge check --accept` records the new text.", example="text: kcofhaiblm"),
)

QUESTION = (
    Field("id", ID, True, "Question id, unique in the quiz and stable (learners' answers name it).",
          example="id: q1"),
    Field("type", Enum(QUESTION_TYPES), True, "The question type.", example="type: single"),
    Field("prompt", TEXT, True, "The question (Markdown). A fill_blank prompt holds ___ once.",
          example="prompt: the question as the learner reads it"),
    Field("explanation", TEXT, True, "Why the right answer is right (Markdown); shown after answering.",
          example="explanation: why the right answer is right"),
    Field("source", Object("source"), True, "The paragraph this question is drawn from.",
          example="source: {doc: <seed id>, para: <paragraph id>, text: <fingerprint>}"),
    Field("points", POINTS, False, "Points for a fully right answer (default 1).", default=1),
    Field("hints", TEXTS, False, "Hints the learner may open one by one."),
    Field("tags", TEXTS, False, "Free labels, e.g. topics."),
    Field("bloom", Enum(BLOOM_LEVELS), False, "Bloom's taxonomy level."),
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
