"""Markers: answers checked for shape, scored in points, choices coded."""

from __future__ import annotations

import pytest

from courseforge.grade.markers import AnswerError, make_marker

from .conftest import make_quiz


def test_markers_apply_points_and_rule():
    quiz = make_quiz()
    q = {x.id: x for x in quiz.questions}
    # markers return (mark in points, choice code)
    assert make_marker(q["q1"])("a") == (2.0, 0)  # 2 points
    assert make_marker(q["q1"])("c") == (0.0, 2)
    assert make_marker(q["q2"], "partial")(["a", "c"]) == (0.0, 0b101)
    assert make_marker(q["q2"], "partial")(["b"]) == (1.0, 0b10)  # 1/2 of 2 points
    assert make_marker(q["q2"], "all_or_nothing")(["b"]) == (0.0, 0b10)
    assert make_marker(q["q3"])(False) == (0.0, 0)
    assert make_marker(q["q4"])("nyc") == (1.0, 0)
    assert make_marker(q["q5"])(282.5) == (1.0, 0)
    mark, code = make_marker(q["q6"])({"p1": "p1", "p2": "x1"})
    # 1 of 3 pairs × 3 points; rights are numbered p1=1, p2=2, p3=3, x1=4; base 5: p1 -> 1 * 5**0, p2 -> 4 * 5**1
    assert (mark, code) == (pytest.approx(1.0), 1 + 4 * 5)
    assert make_marker(q["q7"])(["i1", "i2", "i4", "i3"]) == (2.0, 0)  # 2 of 4 positions × 4 points


def test_cached_answers_are_still_checked():
    # The marker remembers graded answers; a bad answer after a good one must still fail.
    m = make_marker(make_quiz().questions[1])
    assert m(["a", "b"]) == (2.0, 3)
    assert m(["a", "b"]) == (2.0, 3)
    with pytest.raises(AnswerError, match="option 'q' does not exist"):
        m(["a", "q"])
    with pytest.raises(AnswerError, match="expected option ids"):
        m([["a"]])
