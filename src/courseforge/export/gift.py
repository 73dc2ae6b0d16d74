"""Quizzes as GIFT, Moodle's plain-text question format.

Follows Moodle's GIFT documentation and its reference writer
(``question/format/gift/format.php``): the characters ``~ = # { } :`` and
the backslash are escaped with a backslash and a line break is written
``\\n`` (a blank line would end the question). Every text is Markdown, so
each prompt starts with ``[markdown]``; answers, feedback and the general
feedback (``####``) inherit the prompt's format, as Moodle reads them.

Two comment lines precede each question. Moodle skips comments on import;
courseforge's own GIFT importer reads ``// source: DOC#PARA`` back, so a
round trip keeps each question's citation.

How a question of each type is written, or why GIFT cannot hold it, is the
``gift`` method of its type (``quiz/types/``), given a :class:`GiftWriter`
for GIFT's escaping, answer blocks and notes.
"""

from __future__ import annotations

import re

from ..quiz.model import BLANK, Quiz
from ..quiz.types import type_of
from .common import QUIZ_SETTINGS, MoodleWriter, category_path, format_number, question_name
from .report import OMITTED, Notes

FORMAT = "GIFT"
WEIGHT_LIKE = re.compile(r"^%-?\d")
_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}


def escape(text: str) -> str:
    """Escape GIFT's reserved characters exactly as Moodle's documentation says."""
    return "".join(_RESERVED.get(ch, ch) for ch in text)


class GiftWriter(MoodleWriter):
    """GIFT's primitives, for the ``gift`` method of each question type."""

    format = FORMAT

    escape = staticmethod(escape)

    @staticmethod
    def feedback(text: str | None) -> str:
        """An answer's feedback, ``#text``; nothing when there is none."""
        return f"#{escape(text)}" if text else ""

    @staticmethod
    def wrong(text: str) -> str:
        """The mark of a wrong answer worth nothing before ``text``."""
        # "~%5% off" would read as a 5% weight: an explicit 0% weight goes first.
        return "~%0%" if WEIGHT_LIKE.match(text) else "~"

    @staticmethod
    def block(q, lines: list[str], opener: str = "{") -> str:
        """A ``{...}`` answer block: ``opener``, one answer per line, then the general feedback (``####``)."""
        general = f"\t####{escape(q.explanation)}\n" if q.explanation else ""
        return f"{opener}\n" + "".join(lines) + general + "}"

    def question(self, q, block: str, prompt: str | None = None) -> str:
        """The whole question: its two comment lines, its name, and ``prompt`` (the question's by
        default) with the answer ``block`` where the blank is, else after it."""
        if q.points != 1:
            self.note(q, f"GIFT has no question marks — worth {format_number(q.points)} points here, "
                      "it imports with Moodle's default mark 1; set it in the quiz", kind="marks",
                      summary="GIFT has no question marks ({count}): they import with Moodle's default mark 1; "
                      "set each in the Moodle quiz, or export Moodle XML")
        if q.hints:
            self.note(q, f"GIFT has no hints — {len(q.hints)} hint(s) left out; Moodle XML keeps them",
                      kind="hints", summary="not carried by GIFT ({count}); Moodle XML keeps them", level=OMITTED)
        name = question_name(self.quiz, q.id)
        meta = [f"[id:{name}]"] + [f"[tag:{t}]" for t in q.tags] + ([f"[tag:bloom-{q.bloom}]"] if q.bloom else [])
        lines = [
            f"// source: {q.source.doc}#{q.source.para}\n",
            f"// {' '.join(meta)}\n",
            f"::{escape(name)}::[markdown]{_prompt_with_block(q.prompt if prompt is None else prompt, block)}\n",
        ]
        return "".join(lines)


def _prompt_with_block(prompt: str, block: str) -> str:
    """Put the answers where the blank is (GIFT's missing-word form), else after the prompt."""
    text = escape(prompt)
    if BLANK in prompt and not prompt.rstrip().endswith(BLANK):
        before, after = text.split(BLANK, 1)
        return f"{before}{block}{after}"
    return f"{text}{block}"


def export_gift(quizzes: list[Quiz], course_title: str) -> tuple[str, Notes]:
    """All quizzes as one GIFT file, one ``$CATEGORY`` per module."""
    notes = Notes()
    parts = [
        f"// {course_title} — questions exported by courseforge in GIFT format.\n"
        "// Moodle: Question bank > Import > GIFT format. Each question is named quiz-id/question-id.\n"
    ]
    current = None
    for quiz in sorted(quizzes, key=lambda z: (z.module, z.id)):
        category = category_path(course_title, quiz.module)
        if category != current:
            parts.append(f"\n$CATEGORY: {category}\n")
            current = category
        parts.append(f"\n// quiz: {quiz.id} — {' '.join(quiz.title.split())}\n")
        notes.add(quiz.id, None, f"title, pass mark ({format_number(quiz.pass_mark)}%) and mode ({quiz.mode}) are "
                  "settings of the Moodle quiz, not of its questions: set them there", **QUIZ_SETTINGS)
        w = GiftWriter(quiz, notes)
        for q in quiz.questions:
            text = type_of(q).gift(q, w)
            if text:
                parts.append("\n" + text)
    return "".join(parts), notes
