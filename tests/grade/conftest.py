"""A quiz with one question of every type, built from the model (no YAML)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from courseforge.quiz.model import (
    Distractor, FillBlank, Item, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, Quiz,
    SingleChoice, SourceRef, TrueFalse,
)
from courseforge.quiz.public import public_question_version, quiz_version

SRC = SourceRef("doc-a", "1")


def make_quiz(quiz_id: str = "quiz-1", multiple_scoring: str = "partial", pass_mark: float = 60) -> Quiz:
    return Quiz(
        id=quiz_id, module="01-mod", title="Migration basics", mode="assessment", pass_mark=pass_mark,
        multiple_scoring=multiple_scoring,
        questions=[
            SingleChoice(id="q1", prompt="Capital?", explanation="e", source=SRC, points=2, options=[
                Option("a", "Geneva", True), Option("b", "Bern", False), Option("c", "Zurich", False)]),
            MultipleChoice(id="q2", prompt="Pick two", explanation="e", source=SRC, points=2, options=[
                Option("a", "A", True), Option("b", "B", True), Option("c", "C", False), Option("d", "D", False)]),
            TrueFalse(id="q3", prompt="True?", explanation="e", source=SRC, answer=True),
            FillBlank(id="q4", prompt="City ___", explanation="e", source=SRC, answers=["New York", "NYC"]),
            Numeric(id="q5", prompt="How many?", explanation="e", source=SRC, answer=281, tolerance=2),
            Matching(id="q6", prompt="Match", explanation="e", source=SRC, points=3,
                     pairs=[Pair("p1", "IOM", "migration"), Pair("p2", "UNHCR", "refugees"),
                            Pair("p3", "ILO", "labour")],
                     distractors=[Distractor("x1", "weather")]),
            Ordering(id="q7", prompt="Order", explanation="e", source=SRC, points=4,
                     items=[Item("i1", "first"), Item("i2", "second"), Item("i3", "third"), Item("i4", "fourth")]),
        ],
    )


PERFECT = {"q1": "a", "q2": ["a", "b"], "q3": True, "q4": "new york", "q5": 281,
           "q6": {"p1": "p1", "p2": "p2", "p3": "p3"}, "q7": ["i1", "i2", "i3", "i4"]}


def submission(quiz: Quiz, learner: str = "L1", name: str = "Ana", answers: dict | None = None,
               at: str = "2025-03-01T10:00:00Z", **extra) -> dict:
    data = {
        "format": "courseforge-submission/1", "course": "migration-and-development", "quiz": quiz.id,
        "quiz_version": quiz_version(quiz),
        "question_versions": {q.id: public_question_version(q) for q in quiz.questions},
        "learner": {"id": learner, "name": name}, "submitted_at": at,
        "answers": dict(PERFECT if answers is None else answers),
    }
    data.update(extra)
    return data


def write_json(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def quiz() -> Quiz:
    return make_quiz()
