"""The page's practice marking and the grader give the shared cases (tests/data/marking_cases.json) the same marks.

tests/grade/test_marking_cases.py holds ``courseforge grade`` to the fill-in cases, tests/js holds quiz.js to
the whole table under Node; here the page in Chromium is held to it, and the grader to its question and quiz
cases (marking_table.py builds both sides from the table with the site's own code).
"""

from __future__ import annotations

import sys
import unicodedata

import pytest
from learner import Q
from marking_table import TABLE, grader_mark, grader_passes, page_cases

from courseforge.quiz.types.marking import normalise_text
from courseforge.quiz.types import TYPES

CASES = TABLE["cases"]


@pytest.fixture
def marking(page, sites):
    page.goto(sites["practice"] + "01-basics/")
    page.wait_for_selector(f"{Q}[data-cf-ready]")
    return page


def test_practice_marks_shared_fill_blank_cases(marking):
    marks = marking.evaluate(
        """cases => cases.map(c => window.courseforgeMarking.mark(
             {type: "fill_blank", answers: c.accepted, points: 1}, c.answer).earned)""",
        CASES,
    )
    wrong = [(c["why"], c["answer"], c["accepted"], got) for c, got in zip(CASES, marks) if got != c["mark"]]
    assert wrong == []


def test_practice_marks_shared_question_cases(marking):
    cases = page_cases()["questions"]
    marks = marking.evaluate(
        "cases => cases.map(c => window.courseforgeMarking.mark(c.question, c.answer, c.scoring).earned)", cases)
    assert [(c["why"], got) for c, got in zip(cases, marks) if abs(got - c["mark"]) > 1e-9] == []


def test_practice_passes_shared_quiz_cases(marking):
    cases = page_cases()["quizzes"]
    passed = marking.evaluate(
        """cases => cases.map(c => {
             const m = window.courseforgeMarking, quiz = c.quiz;
             const score = quiz.questions.reduce((s, q, i) => s + m.mark(q, c.answers[i], quiz.multiple_scoring).earned, 0);
             return m.passes(score, quiz.max, quiz.pass_mark);
           })""", cases)
    assert [(c["why"], got) for c, got in zip(cases, passed) if got != c["passed"]] == []


@pytest.mark.parametrize("case", TABLE["questions"], ids=[c["why"] for c in TABLE["questions"]])
def test_grader_marks_shared_question_cases(case):
    assert grader_mark(case) == pytest.approx(case["mark"], abs=1e-12)


@pytest.mark.parametrize("case", TABLE["quizzes"], ids=[c["why"] for c in TABLE["quizzes"]])
def test_grader_passes_shared_quiz_cases(case):
    assert grader_passes(case) is case["passed"]


def test_table_has_cases_of_every_type_and_the_page_a_widget_for_each(marking):
    assert {c["question"]["type"] for c in TABLE["questions"]} | {"fill_blank"} == set(TYPES)
    assert sorted(marking.evaluate("window.courseforgeMarking.types")) == sorted(TYPES)



def test_practice_normalises_every_character_the_grader_knows_as_the_grader_does(marking):
    """Every code point, alone, through quiz.js's normalise and the grader's normalise_text.

    The one difference left is characters Python's Unicode does not have yet: the browser's newer Unicode
    may lower or NFKC-map them (U+1C89, U+A7CB… with Python 3.11's Unicode 14) where the grader keeps them.
    """
    changed = {}
    for c in range(sys.maxunicode + 1):
        if not 0xD800 <= c <= 0xDFFF and normalise_text(chr(c)) != chr(c):
            changed[c] = normalise_text(chr(c))
    differ = marking.evaluate(
        """changed => {
             const out = [], norm = window.courseforgeMarking.normalise;
             for (let c = 0; c <= 0x10ffff; c++) {
               if (c >= 0xd800 && c <= 0xdfff) continue;
               const ch = String.fromCodePoint(c), want = c in changed ? changed[c] : ch;
               if (norm(ch) !== want) out.push(c);
             }
             return out;
           }""", changed)
    assert [f"U+{c:04X}" for c in differ if unicodedata.category(chr(c)) != "Cn"] == []
