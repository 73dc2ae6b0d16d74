"""What of a quiz may reach the learner's browser, and its version hashes.

``public_quiz`` is the only way quiz data leaves Python for a page. In
assessment mode it carries nothing that tells which answer is right: no
``correct`` flags, answers, per-option feedback or explanations; matching
rights and ordering items are sorted so their order gives nothing away.
``quiz_version`` hashes exactly that public view, so flipping a key in an
assessment changes no byte of the built site, while any visible edit gives a
new version (which is what keys the learner's stored progress).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from .model import (
    FillBlank,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Question,
    Quiz,
    SingleChoice,
    TrueFalse,
)


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _digest(data: Any) -> str:
    return hashlib.sha256(_canonical(data)).hexdigest()[:12]


def public_question(q: Question, with_key: bool) -> dict[str, Any]:
    """A question as the browser sees it; ``with_key`` only for practice mode."""
    out: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "points": q.points,
        "hints": list(q.hints),
        "source": {"doc": q.source.doc, "para": q.source.para},
    }
    if isinstance(q, (SingleChoice, MultipleChoice)):
        out["options"] = [{"id": o.id, "text": o.text} for o in q.options]
        if with_key:
            for o, src in zip(out["options"], q.options):
                o["correct"] = src.correct
                if src.feedback:
                    o["feedback"] = src.feedback
    elif isinstance(q, TrueFalse):
        if with_key:
            out["answer"] = q.answer
            out["feedback_true"] = q.feedback_true
            out["feedback_false"] = q.feedback_false
    elif isinstance(q, FillBlank):
        if with_key:
            out["answers"] = list(q.answers)
    elif isinstance(q, Numeric):
        out["unit"] = q.unit
        if with_key:
            out["answer"] = q.answer
            out["tolerance"] = q.tolerance
    elif isinstance(q, Matching):
        out["lefts"] = [{"id": p.id, "text": p.left} for p in q.pairs]
        rights = [{"id": p.id, "text": p.right} for p in q.pairs] + [
            {"id": d.id, "text": d.text} for d in q.distractors
        ]
        # Rights are offered sorted by text: their order must not mirror the lefts'.
        out["rights"] = sorted(rights, key=lambda r: (r["text"].casefold(), r["id"]))
    elif isinstance(q, Ordering):
        items = [{"id": i.id, "text": i.text} for i in q.items]
        if with_key:
            out["items"] = items  # in the correct order
        else:
            out["items"] = sorted(items, key=lambda i: (i["text"].casefold(), i["id"]))
    # The version of what a learner saw (never the key): lets the grader name
    # the questions that changed since a submission was made.
    out["version"] = _digest(out) if not with_key else public_question_version(q)
    if with_key:
        out["explanation"] = q.explanation
    return out


def public_question_version(q: Question) -> str:
    """Hash of the question as shown in assessment mode (no key, no explanation)."""
    return public_question(q, with_key=False)["version"]


def public_quiz(quiz: Quiz) -> dict[str, Any]:
    """The quiz as embedded in its page; assessment mode never carries the key."""
    with_key = quiz.mode == "practice"
    data: dict[str, Any] = {
        "id": quiz.id,
        "module": quiz.module,
        "title": quiz.title,
        "mode": quiz.mode,
        "pass_mark": quiz.pass_mark,
        "description": quiz.description,
        "multiple_scoring": quiz.multiple_scoring,
        "questions": [public_question(q, with_key) for q in quiz.questions],
    }
    data["version"] = _digest(data)
    return data


def quiz_version(quiz: Quiz) -> str:
    return public_quiz(quiz)["version"]


def question_version(q: Question) -> str:
    """Hash of a question's full content (key included): tells the grader what changed."""
    data = asdict(q)
    data.pop("line", None)
    data["type"] = q.type
    return _digest(data)
