"""Hand-computed marks for every question type and rule."""

from __future__ import annotations

import pytest

from courseforge.grade import scoring


def test_single_all_or_nothing():
    assert scoring.single({"a"}, "a") == 1.0
    assert scoring.single({"a"}, "b") == 0.0


@pytest.mark.parametrize("chosen, expected", [
    (["a", "b"], 1.0),        # both right options
    (["a"], 0.5),             # 1 right of 2
    (["a", "c"], 0.0),        # (1 − 1) / 2
    (["a", "b", "c"], 0.5),   # (2 − 1) / 2
    (["c", "d"], 0.0),        # (0 − 2) / 2 floored at 0
    (["a", "b", "c", "d"], 0.0),  # everything ticked: (2 − 2) / 2
    ([], 0.0),
])
def test_multiple_partial(chosen, expected):
    assert scoring.multiple(frozenset({"a", "b"}), chosen, "partial") == expected


def test_multiple_partial_three_right():
    # 3 right options (a, b, c); chose a, b, d: (2 − 1) / 3
    assert scoring.multiple(frozenset("abc"), ["a", "b", "d"]) == pytest.approx(1 / 3)


@pytest.mark.parametrize("chosen, expected", [(["a", "b"], 1.0), (["b", "a"], 1.0), (["a"], 0.0),
                                              (["a", "b", "c"], 0.0)])
def test_multiple_all_or_nothing(chosen, expected):
    assert scoring.multiple(frozenset({"a", "b"}), chosen, "all_or_nothing") == expected


def test_true_false():
    assert scoring.true_false(True, True) == 1.0
    assert scoring.true_false(True, False) == 0.0
    assert scoring.true_false(False, False) == 1.0


@pytest.mark.parametrize("given, expected", [
    ("New York", 1.0), ("  new   YORK ", 1.0), ("New York.", 1.0), ("NEW YORK!?", 1.0),
    ("ＮＥＷ　ＹＯＲＫ", 1.0),  # full-width letters and ideographic space: NFKC
    ("NYC", 1.0), ("New-York", 0.0), ("York", 0.0), ("", 0.0),
])
def test_fill_blank_normalisation(given, expected):
    accepted = {scoring.normalise_text(a) for a in ["New York", "NYC"]}
    assert scoring.fill_blank(accepted, given) == expected


def test_normalise_text_exact():
    assert scoring.normalise_text("  Genève\u00a0 Office. ") == "genève office"
    assert scoring.normalise_text("STRASSE") == scoring.normalise_text("straße")  # casefold


@pytest.mark.parametrize("given, expected", [(281, 1.0), (283, 1.0), (279, 1.0), (283.5, 0.0), (278.99, 0.0)])
def test_numeric_tolerance(given, expected):
    assert scoring.numeric(281, 2, given) == expected


def test_numeric_float_rounding_never_costs_a_point():
    assert scoring.numeric(0.3, 0, 0.1 + 0.2) == 1.0
    assert scoring.numeric(0.3, 0, 0.31) == 0.0


def test_matching_per_pair():
    pairs = ["p1", "p2", "p3"]
    assert scoring.matching(pairs, {"p1": "p1", "p2": "p2", "p3": "p3"}) == 1.0
    assert scoring.matching(pairs, {"p1": "p1", "p2": "p3", "p3": "p2"}) == pytest.approx(1 / 3)
    assert scoring.matching(pairs, {"p1": "p1", "p2": "p2"}) == pytest.approx(2 / 3)  # one left unmatched
    assert scoring.matching(pairs, {"p1": "x1"}) == 0.0  # a distractor


def test_ordering_per_position():
    key = ["i1", "i2", "i3", "i4"]
    assert scoring.ordering(key, ["i1", "i2", "i3", "i4"]) == 1.0
    assert scoring.ordering(key, ["i2", "i1", "i3", "i4"]) == 0.5   # i3, i4 in place
    assert scoring.ordering(key, ["i4", "i3", "i2", "i1"]) == 0.0
    assert scoring.ordering(key, ["i1", "i3", "i4", "i2"]) == 0.25
