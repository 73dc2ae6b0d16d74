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


def public_alias(q: Question, text: str) -> str:
    """The id a matching right or an ordering item has in the browser.

    Derived from what the learner sees anyway (question id and text), so it
    reveals nothing; the quiz loader refuses two texts that read the same in
    one question, so aliases are unique within it.
    """
    return "x" + hashlib.sha256(f"{q.id}\0{text}".encode("utf-8")).hexdigest()[:10]


def aliases(q: Question) -> dict[str, str]:
    """alias -> model id, for the rights of a matching or the items of an ordering."""
    if isinstance(q, Matching):
        return {**{public_alias(q, p.right): p.id for p in q.pairs},
                **{public_alias(q, d.text): d.id for d in q.distractors}}
    if isinstance(q, Ordering):
        return {public_alias(q, i.text): i.id for i in q.items}
    return {}


def resolve_answer(q: Question, answer: Any) -> Any:
    """A learner's answer from the browser, with aliases turned back into model ids.

    Answers already written with model ids (a CSV export, a hand-made file)
    pass through unchanged; anything unexpected is left for the grader's
    checks to name.
    """
    table = aliases(q)
    if not table:
        return answer
    if isinstance(q, Matching) and isinstance(answer, dict):
        return {k: table.get(v, v) if isinstance(v, str) else v for k, v in answer.items()}
    if isinstance(q, Ordering) and isinstance(answer, list):
        return [table.get(v, v) if isinstance(v, str) else v for v in answer]
    return answer


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
        rights = [{"id": public_alias(q, p.right), "text": p.right} for p in q.pairs] + [
            {"id": public_alias(q, d.text), "text": d.text} for d in q.distractors
        ]
        # Rights are offered sorted by text, under aliases: neither their order
        # nor their ids may mirror the lefts' (a right named by its pair id
        # would tell every learner which left it belongs to).
        out["rights"] = sorted(rights, key=lambda r: (r["text"].casefold(), r["id"]))
        if with_key:
            out["key"] = {p.id: public_alias(q, p.right) for p in q.pairs}
    elif isinstance(q, Ordering):
        # Items travel under aliases: authors often number them in the right order.
        items = [{"id": public_alias(q, i.text), "text": i.text} for i in q.items]
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
