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

from .alias import public_alias
from .model import Question, Quiz
from .types import type_of

__all__ = ["aliases", "public_alias", "public_question", "public_question_version", "public_quiz",
           "question_version", "quiz_version", "resolve_answer"]


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _digest(data: Any) -> str:
    return hashlib.sha256(_canonical(data)).hexdigest()[:12]


def aliases(q: Question) -> dict[str, str]:
    """alias -> model id, for the rights of a matching or the items of an ordering (empty for other types)."""
    return type_of(q).aliases(q)


def resolve_answer(q: Question, answer: Any) -> Any:
    """A learner's answer from the browser, with aliases turned back into model ids.

    Answers already written with model ids (a CSV export, a hand-made file)
    pass through unchanged; anything unexpected is left for the grader's
    checks to name.
    """
    return type_of(q).resolve_answer(q, answer)


def public_question(q: Question, with_key: bool) -> dict[str, Any]:
    """A question as the browser sees it; ``with_key`` only for practice mode.

    The fields every question has, then those of its type (``QuestionType.public``).
    """
    out: dict[str, Any] = {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "points": q.points,
        "hints": list(q.hints),
        "source": {"doc": q.source.doc, "para": q.source.para},
        **type_of(q).public(q, with_key),
    }
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
    if not (with_key or quiz.assessment_hints):
        # An assessment offers no hints unless the quiz asks: generated ones name the very paragraph
        # that holds the answer. Versions stay as they were: a hint does not change what an answer means.
        for q in data["questions"]:
            q["hints"] = []
    return data


def quiz_version(quiz: Quiz) -> str:
    return public_quiz(quiz)["version"]


def question_version(q: Question) -> str:
    """Hash of a question's full content (key included): tells the grader what changed."""
    data = asdict(q)
    data.pop("line", None)
    data["type"] = q.type
    return _digest(data)
