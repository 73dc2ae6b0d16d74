"""The page's practice marking gives the shared fill-in cases (tests/data/marking_cases.json) the grader's mark.

tests/grade/test_marking_cases.py holds ``courseforge grade`` to the same table.
"""

from __future__ import annotations

import json
from pathlib import Path

from learner import Q

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "marking_cases.json").read_text(encoding="utf-8"))["cases"]


def test_practice_marks_shared_fill_blank_cases(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    marks = page.evaluate(
        """cases => cases.map(c => window.courseforgeMarking.mark(
             {type: "fill_blank", answers: c.accepted, points: 1}, c.answer).earned)""",
        CASES,
    )
    wrong = [(c["why"], c["answer"], c["accepted"], got) for c, got in zip(CASES, marks) if got != c["mark"]]
    assert wrong == []
