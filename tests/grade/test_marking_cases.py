"""The grader marks the shared fill-in cases (tests/data/marking_cases.json) as the table says.

tests/browser/test_marking_cases.py holds the page's practice marking to the same table.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from courseforge.quiz.model import FillBlank, SourceRef
from courseforge.quiz.types import TYPES
from courseforge.quiz.types.marking import normalise_text, text_rule

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "marking_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_grader_marks_shared_fill_blank_cases(case):
    q = FillBlank(id="f", prompt="___", explanation="", source=SourceRef("d", "1"), answers=case["accepted"])
    assert TYPES["fill_blank"].mark(q, case["answer"]) == float(case["mark"])  # the rule
    assert TYPES["fill_blank"].marker(q)(case["answer"]) == (float(case["mark"]), 0)  # as the grader calls it


def test_text_rule_is_normalise_text_as_data():
    """Folding per character with the rule's table (lower case elsewhere) is what casefold does."""
    rule = text_rule()
    assert rule["fold"]["ß"] == "ss" and rule["fold"]["ς"] == "σ" and "A" not in rule["fold"]

    def by_rule(text: str) -> str:  # what quiz.js does with the rule
        folded = "".join(" " if c in rule["space"] else rule["fold"].get(c, c.lower())
                         for c in unicodedata.normalize("NFKC", text))
        return " ".join(w for w in folded.split(" ") if w).rstrip(rule["trailing"]).rstrip()

    for case in CASES:
        for text in [case["answer"], *case["accepted"]]:
            assert by_rule(text) == normalise_text(text), text
