"""CSV cells to answers, per question type."""

from __future__ import annotations

import pytest

from courseforge.grade.cells import parse_cell, parse_number
from courseforge.grade.validate import AnswerError

from .conftest import make_quiz


def test_parse_cell_per_type():
    q = {x.id: x for x in make_quiz().questions}
    assert parse_cell(q["q1"], " a ") == "a"
    assert parse_cell(q["q2"], "a| b |") == ["a", "b"]
    assert parse_cell(q["q3"], "Yes") is True and parse_cell(q["q3"], "FALSE") is False
    assert parse_cell(q["q4"], "New York") == "New York"
    assert parse_cell(q["q5"], "281,5") == 281.5
    assert parse_cell(q["q6"], "p1=p1|p2 = x1") == {"p1": "p1", "p2": "x1"}
    assert parse_cell(q["q7"], "i2|i1|i3|i4") == ["i2", "i1", "i3", "i4"]
    with pytest.raises(AnswerError, match=r"expected true or false \(or yes/no\), got 'maybe'"):
        parse_cell(q["q3"], "maybe")
    with pytest.raises(AnswerError, match="expected pairs written left=right separated by |, got 'p1'"):
        parse_cell(q["q6"], "p1|p2=p2")


@pytest.mark.parametrize("text, value", [("3.5", 3.5), ("3,5", 3.5), (" 1 000 ", 1000.0), ("-2", -2.0),
                                         ("1e3", 1000.0)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, message", [
    ("1,000", "ambiguous number '1,000': write it with a decimal point and no thousands separator"),
    ("1,000.5", "ambiguous number '1,000.5': write it with a decimal point and no thousands separator"),
    ("abc", "expected a number, got 'abc'"),
    ("inf", "expected a number, got 'inf'"),
])
def test_parse_number_refuses(text, message):
    with pytest.raises(AnswerError) as info:
        parse_number(text)
    assert str(info.value) == message
