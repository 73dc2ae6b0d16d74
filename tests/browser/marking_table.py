"""The shared marking cases (tests/data/marking_cases.json) as the grader and the page each take them.

The table writes questions briefly (``{"type": "multiple", "options": {"a": true, "b": false}}``);
here they become the quiz model the grader marks (``grader_mark``, ``grader_passes``) and, through
the site's own code (quiz.public, then site.render's quiz data), the question and answer the page
marks. Run as a script, it prints the page's side as JSON for tests/js.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from courseforge.grade.validate import QuizKey
from courseforge.quiz.model import (
    Distractor, FillBlank, Item, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, Quiz, SingleChoice,
    SourceRef, TrueFalse,
)
from courseforge.quiz.public import public_quiz
from courseforge.quiz.types import TYPES, type_of
from courseforge.quiz.types.marking import text_rule
from courseforge.site import i18n
from courseforge.site.render import QuizRenderer

TABLE = json.loads((Path(__file__).resolve().parents[1] / "data" / "marking_cases.json").read_text(encoding="utf-8"))


def question(spec: dict[str, Any], qid: str = "q") -> Any:
    common = {"id": qid, "prompt": "?", "explanation": "", "source": SourceRef("d", "1"), "points": spec.get("points", 1)}
    t = spec["type"]
    if t in ("single", "multiple"):
        options = [Option(o, f"Option {o}", ok) for o, ok in spec["options"].items()]
        return (SingleChoice if t == "single" else MultipleChoice)(options=options, **common)
    if t == "true_false":
        return TrueFalse(answer=spec["key"], **common)
    if t == "fill_blank":
        return FillBlank(answers=spec["accepted"], **common)
    if t == "numeric":
        return Numeric(answer=spec["key"], tolerance=spec.get("tolerance", 0), **common)
    if t == "matching":
        return Matching(pairs=[Pair(p, f"Left {p}", f"Right {p}") for p in spec["pairs"]],
                        distractors=[Distractor(d, f"Extra {d}") for d in spec.get("distractors", [])], **common)
    if t == "ordering":
        return Ordering(items=[Item(i, f"Step {i}") for i in spec["items"]], **common)
    raise ValueError(f"no such type in the table: {t}")


def quiz(questions: list[Any], scoring: str = "partial", pass_mark: float = 50) -> Quiz:
    return Quiz(id="cases", module="m", title="Cases", mode="practice", pass_mark=pass_mark, questions=questions,
                multiple_scoring=scoring)


def grader_mark(case: dict[str, Any]) -> float:
    """The grader's mark, in points, for one question case (answers name model ids)."""
    q = question(case["question"])
    return TYPES[q.type].marker(q, quiz([q], case.get("scoring", "partial")))(case["answer"])[0]


def grader_passes(case: dict[str, Any]) -> bool:
    """Whether the grader passes a quiz case: its questions' marks summed, then the pass mark."""
    key = QuizKey.compile(_quiz_of(case))
    score = sum(key.index[q][1](c["answer"])[0] for q, c in zip(key.qids, case["questions"]))
    return key.passed(key.percent(score))


def _quiz_of(case: dict[str, Any]) -> Quiz:
    questions = [question(c["question"], f"q{n}") for n, c in enumerate(case["questions"])]
    return quiz(questions, case.get("scoring", "partial"), case["pass_mark"])


def _page_answer(q: Any, answer: Any) -> Any:
    """An answer as the page holds it: matching rights and ordering items under their aliases."""
    alias = {model: a for a, model in type_of(q).aliases(q).items()}
    if isinstance(answer, dict):
        return {k: alias.get(v, v) for k, v in answer.items()}
    if isinstance(answer, list):
        return [alias.get(v, v) for v in answer]
    return answer


def _page_quiz(qz: Quiz, answers: list[Any]) -> dict[str, Any]:
    data = QuizRenderer(i18n.strings("en")).quiz_data(public_quiz(qz), None)
    return {"quiz": data, "answers": [_page_answer(q, a) for q, a in zip(qz.questions, answers)]}


def page_cases() -> dict[str, Any]:
    """Everything the page's marker is given, built by the site's code: for the browser test and tests/js."""
    questions = []
    for case in TABLE["questions"]:
        page = _page_quiz(quiz([question(case["question"])], case.get("scoring", "partial")), [case["answer"]])
        questions.append({"why": case["why"], "question": page["quiz"]["questions"][0], "answer": page["answers"][0],
                          "scoring": page["quiz"]["multiple_scoring"], "mark": case["mark"]})
    quizzes = []
    for case in TABLE["quizzes"]:
        page = _page_quiz(_quiz_of(case), [c["answer"] for c in case["questions"]])
        quizzes.append({"why": case["why"], **page, "passed": case["passed"]})
    texts = [{"why": c["why"], "answer": c["answer"], "accepted": c["accepted"], "mark": c["mark"]} for c in TABLE["cases"]]
    return {"marking": text_rule(), "texts": texts, "questions": questions, "quizzes": quizzes}


if __name__ == "__main__":
    json.dump(page_cases(), sys.stdout, ensure_ascii=False)
