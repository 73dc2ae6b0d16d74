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

Ordering questions use the GIFT form of Moodle's ordering question type (core
since Moodle 4.4, ``qtype_ordering::import_from_gift``)::

    ::quiz/q::[markdown]Put the steps in order.{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW none
        First step
        Second step
        Third step
        ####Why this order.
    }

The header is the number of items shown, all of them, one under the other,
each item in its right place earning its share (Moodle's "absolute position"
grading, the rule of the site and of ``courseforge grade``), grading details
shown, no numbering; then one item per line in the right order. Moodle does
not unescape the items (an escaped colon would show as ``&&058;``), so they
are written as they are, only backslashes doubled; an item that cannot be
written so (a brace, a line break, ``####``, or the text ``0``, which Moodle
drops) makes the question skipped with a note.
"""

from __future__ import annotations

import re

from ..quiz.model import (
    BLANK,
    FillBlank,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    SingleChoice,
    TrueFalse,
)
from .common import QUIZ_SETTINGS, category_path, format_number, multiple_weights, question_name
from .report import OMITTED, Notes

FORMAT = "GIFT"
WEIGHT_LIKE = re.compile(r"^%-?\d")
_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n", "\r": ""}


def escape(text: str) -> str:
    """Escape GIFT's reserved characters exactly as Moodle's documentation says."""
    return "".join(_RESERVED.get(ch, ch) for ch in text)


def _fb(text: str | None) -> str:
    return f"#{escape(text)}" if text else ""


def _general(q) -> str:
    return f"\t####{escape(q.explanation)}\n" if q.explanation else ""


def _choices(quiz: Quiz, q, notes: Notes) -> list[str]:
    lines = []
    if isinstance(q, SingleChoice):
        for o in q.options:
            # "~%5% off" would read as a 5% weight: an explicit 0% weight goes first.
            marker = "=" if o.correct else ("~%0%" if WEIGHT_LIKE.match(o.text) else "~")
            lines.append(f"\t{marker}{escape(o.text)}{_fb(o.feedback)}\n")
        return lines
    right, wrong = multiple_weights(quiz, q, notes)
    for o in q.options:
        lines.append(f"\t~%{right if o.correct else wrong}%{escape(o.text)}{_fb(o.feedback)}\n")
    return lines


def _answer_block(quiz: Quiz, q, notes: Notes) -> str | None:
    """The ``{...}`` part of a question, or None when GIFT cannot hold it."""
    if isinstance(q, (SingleChoice, MultipleChoice)):
        return "{\n" + "".join(_choices(quiz, q, notes)) + _general(q) + "}"
    if isinstance(q, TrueFalse):
        # GIFT: {TRUE#feedback for a wrong answer#feedback for a right answer}
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        out = "{" + ("TRUE" if q.answer else "FALSE")
        if wrong or right:
            out += "#" + escape(wrong or "")
        if right:
            out += "#" + escape(right)
        return out + (f"####{escape(q.explanation)}" if q.explanation else "") + "}"
    if isinstance(q, FillBlank):
        if any("->" in a for a in q.answers):
            notes.add(quiz.id, q.id, "an accepted answer contains '->', which GIFT reads as a matching pair — "
                      "skipped; use Moodle XML", skipped=True)
            return None
        return "{\n" + "".join(f"\t={escape(a)}\n" for a in q.answers) + _general(q) + "}"
    if isinstance(q, Numeric):
        tol = f":{format_number(q.tolerance)}" if q.tolerance else ""
        return "{#\n" + f"\t={format_number(q.answer)}{tol}\n" + _general(q) + "}"
    if isinstance(q, Matching):
        if any("->" in p.left for p in q.pairs):
            notes.add(quiz.id, q.id, "a left-hand item contains '->', which GIFT cannot escape — skipped; "
                      "use Moodle XML", skipped=True)
            return None
        if q.distractors:
            ids = ", ".join(d.id for d in q.distractors)
            notes.add(quiz.id, q.id, f"GIFT has no distractors for matching — extra answers left out ({ids}); "
                      "Moodle XML and QTI keep them", kind="matching distractors",
                      summary="not carried by GIFT ({count}): the extra answers are left out; Moodle XML and QTI "
                      "keep them")
        if len(q.pairs) < 3:
            notes.add(quiz.id, q.id, "Moodle's question editor asks for at least 3 answers in a matching question: "
                      "it imports as is, but add a pair before editing it in Moodle", kind="matching with 2 pairs",
                      summary="imports as is ({count}), but Moodle's editor asks for 3 answers: add a pair before "
                      "editing in Moodle")
        pairs = "".join(f"\t={escape(p.left)} -> {escape(p.right)}\n" for p in q.pairs)
        return "{\n" + pairs + _general(q) + "}"
    if isinstance(q, Ordering):
        return _ordering_block(quiz, q, notes)
    notes.add(quiz.id, q.id, f"question type {q.type!r} is unknown to the GIFT writer — skipped", skipped=True)
    return None


ORDERING_HEADER = "ALL VERTICAL ABSOLUTE_POSITION SHOW none"


def _ordering_item_problem(text: str) -> str | None:
    """Why an item cannot be one line of a GIFT ordering question as Moodle reads it, or None."""
    if "{" in text or "}" in text:
        return "a brace"
    if "\n" in text or "\r" in text:
        return "a line break"
    if "####" in text:
        return "'####'"
    if text.strip() == "0":
        return "only the text '0', which Moodle drops"
    return None


def _ordering_block(quiz: Quiz, q: Ordering, notes: Notes) -> str | None:
    for item in q.items:
        problem = _ordering_item_problem(item.text)
        if problem:
            notes.add(quiz.id, q.id, f"item '{item.id}' has {problem}, which Moodle's GIFT ordering import cannot "
                      "read — skipped; export Moodle XML or QTI to keep it", skipped=True)
            return None
    lines = "".join(f"\t{item.text.strip().replace(chr(92), chr(92) * 2)}\n" for item in q.items)
    return f"{{>{len(q.items)} {ORDERING_HEADER}\n" + lines + _general(q) + "}"


def _prompt_with_block(prompt: str, block: str) -> str:
    """Put the answers where the blank is (GIFT's missing-word form), else after the prompt."""
    text = escape(prompt)
    if BLANK in prompt and not prompt.rstrip().endswith(BLANK):
        before, after = text.split(BLANK, 1)
        return f"{before}{block}{after}"
    return f"{text}{block}"


def question_to_gift(quiz: Quiz, q, notes: Notes) -> str | None:
    block = _answer_block(quiz, q, notes)
    if block is None:
        return None
    prompt = q.prompt
    if isinstance(q, Numeric) and q.unit:
        prompt = f"{prompt} (answer in {q.unit})"
        notes.add(quiz.id, q.id, f"GIFT has no units — the unit '{q.unit}' is added to the prompt",
                  kind="units", summary="GIFT has no units ({count}): each is added to its prompt")
    if q.points != 1:
        notes.add(quiz.id, q.id, f"GIFT has no question marks — worth {format_number(q.points)} points here, "
                  "it imports with Moodle's default mark 1; set it in the quiz", kind="marks",
                  summary="GIFT has no question marks ({count}): they import with Moodle's default mark 1; "
                  "set each in the Moodle quiz, or export Moodle XML")
    if q.hints:
        notes.add(quiz.id, q.id, f"GIFT has no hints — {len(q.hints)} hint(s) left out; Moodle XML keeps them",
                  kind="hints", summary="not carried by GIFT ({count}); Moodle XML keeps them", level=OMITTED)
    name = question_name(quiz, q.id)
    meta = [f"[id:{name}]"] + [f"[tag:{t}]" for t in q.tags] + ([f"[tag:bloom-{q.bloom}]"] if q.bloom else [])
    lines = [
        f"// source: {q.source.doc}#{q.source.para}\n",
        f"// {' '.join(meta)}\n",
        f"::{escape(name)}::[markdown]{_prompt_with_block(prompt, block)}\n",
    ]
    return "".join(lines)


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
        for q in quiz.questions:
            text = question_to_gift(quiz, q, notes)
            if text:
                parts.append("\n" + text)
    return "".join(parts), notes
