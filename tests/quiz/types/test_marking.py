"""Each question type marks its own answers: the rule (``mark``, a share of the points), the
grader's checker (``marker``: shape, points, choice code), CSV cells, and what a choice code
stands for (``choice_groups`` / ``chosen``). Hand-computed marks for every type and rule."""

from __future__ import annotations

import pytest

from courseforge.quiz.model import (
    Distractor, FillBlank, Item, Matching, MultipleChoice, Numeric, Option, Ordering, Pair, Quiz, SingleChoice,
    SourceRef, TrueFalse,
)
from courseforge.quiz.public import public_alias
from courseforge.quiz.types import TYPES
from courseforge.quiz.types.marking import AnswerError, normalise_text

SRC = SourceRef("doc-a", "1")


def q_single(**kw):
    return SingleChoice(id="q1", prompt="Capital?", explanation="e", source=SRC, points=2, options=[
        Option("a", "Geneva", True), Option("b", "Bern", False), Option("c", "Zurich", False)], **kw)


def q_multiple(right="ab"):
    return MultipleChoice(id="q2", prompt="Pick", explanation="e", source=SRC, points=2,
                          options=[Option(c, c.upper(), c in right) for c in "abcd"])


def q_matching():
    return Matching(id="q6", prompt="Match", explanation="e", source=SRC, points=3,
                    pairs=[Pair("p1", "IOM", "migration"), Pair("p2", "UNHCR", "refugees"),
                           Pair("p3", "ILO", "labour")],
                    distractors=[Distractor("x1", "weather")])


def q_ordering():
    return Ordering(id="q7", prompt="Order", explanation="e", source=SRC, points=4,
                    items=[Item("i1", "first"), Item("i2", "second"), Item("i3", "third"), Item("i4", "fourth")])


FILL = FillBlank(id="q4", prompt="City ___", explanation="e", source=SRC, answers=["New York", "NYC"])
NUMERIC = Numeric(id="q5", prompt="How many?", explanation="e", source=SRC, answer=281, tolerance=2)
TF = TrueFalse(id="q3", prompt="True?", explanation="e", source=SRC, answer=True)


def quiz(scoring: str) -> Quiz:
    return Quiz(id="z", module="m", title="t", mode="assessment", pass_mark=60, questions=[q_multiple()],
                multiple_scoring=scoring)


def mark(q, answer, of_quiz=None):
    return TYPES[q.type].mark(q, answer, of_quiz)


# --- the rules (mark)

def test_single_all_or_nothing():
    assert mark(q_single(), "a") == 1.0 and mark(q_single(), "b") == 0.0


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
    assert mark(q_multiple(), chosen) == expected  # partial is the default
    assert mark(q_multiple(), chosen, quiz("partial")) == expected


def test_multiple_partial_three_right():
    # 3 right options (a, b, c); chose a, b, d: (2 − 1) / 3
    assert mark(q_multiple("abc"), ["a", "b", "d"]) == pytest.approx(1 / 3)


@pytest.mark.parametrize("chosen, expected", [(["a", "b"], 1.0), (["b", "a"], 1.0), (["a"], 0.0),
                                              (["a", "b", "c"], 0.0)])
def test_multiple_all_or_nothing(chosen, expected):
    assert mark(q_multiple(), chosen, quiz("all_or_nothing")) == expected


def test_true_false():
    false = TrueFalse(id="f", prompt="p", explanation="e", source=SRC, answer=False)
    assert (mark(TF, True), mark(TF, False), mark(false, False), mark(false, True)) == (1.0, 0.0, 1.0, 0.0)


@pytest.mark.parametrize("given, expected", [
    ("New York", 1.0), ("  new   YORK ", 1.0), ("New York.", 1.0), ("NEW YORK!?", 1.0),
    ("ＮＥＷ　ＹＯＲＫ", 1.0),  # full-width letters and ideographic space: NFKC
    ("NYC", 1.0), ("New-York", 0.0), ("York", 0.0), ("", 0.0),
])
def test_fill_blank_normalisation(given, expected):
    assert mark(FILL, given) == expected
    assert TYPES["fill_blank"].marker(FILL)(given) == (expected, 0)  # 1 point


def test_normalise_text_exact():
    assert normalise_text("  Genève\u00a0 Office. ") == "genève office"
    assert normalise_text("STRASSE") == normalise_text("straße")  # casefold


@pytest.mark.parametrize("given, expected", [(281, 1.0), (283, 1.0), (279, 1.0), (283.5, 0.0), (278.99, 0.0)])
def test_numeric_tolerance(given, expected):
    assert mark(NUMERIC, given) == expected


def test_numeric_float_rounding_never_costs_a_point():
    q = Numeric(id="n", prompt="p", explanation="e", source=SRC, answer=0.3)
    assert mark(q, 0.1 + 0.2) == 1.0
    assert mark(q, 0.31) == 0.0


def test_matching_per_pair():
    q = q_matching()
    assert mark(q, {"p1": "p1", "p2": "p2", "p3": "p3"}) == 1.0
    assert mark(q, {"p1": "p1", "p2": "p3", "p3": "p2"}) == pytest.approx(1 / 3)
    assert mark(q, {"p1": "p1", "p2": "p2"}) == pytest.approx(2 / 3)  # one left unmatched
    assert mark(q, {"p1": "x1"}) == 0.0  # a distractor


def test_ordering_per_position():
    q = q_ordering()
    assert mark(q, ["i1", "i2", "i3", "i4"]) == 1.0
    assert mark(q, ["i2", "i1", "i3", "i4"]) == 0.5   # i3, i4 in place
    assert mark(q, ["i4", "i3", "i2", "i1"]) == 0.0
    assert mark(q, ["i1", "i3", "i4", "i2"]) == 0.25


# --- the grader's checker (marker): points, choice codes, reasons

def test_markers_apply_points_rule_and_choice_codes():
    marker = lambda q, z=None: TYPES[q.type].marker(q, z)  # noqa: E731
    assert marker(q_single())("a") == (2.0, 0)  # 2 points; the code is the option's index
    assert marker(q_single())("c") == (0.0, 2)
    assert marker(q_multiple(), quiz("partial"))(["a", "c"]) == (0.0, 0b101)
    assert marker(q_multiple(), quiz("partial"))(["b"]) == (1.0, 0b10)  # 1/2 of 2 points
    assert marker(q_multiple(), quiz("all_or_nothing"))(["b"]) == (0.0, 0b10)
    assert marker(TF)(False) == (0.0, 0) and marker(TF)(True) == (1.0, 1)
    assert marker(FILL)("nyc") == (1.0, 0)
    assert marker(NUMERIC)(282.5) == (1.0, 0)
    mark_, code = marker(q_matching())({"p1": "p1", "p2": "x1"})
    # 1 of 3 pairs × 3 points; rights are numbered p1=1, p2=2, p3=3, x1=4; base 5: p1 -> 1 * 5**0, p2 -> 4 * 5**1
    assert (mark_, code) == (pytest.approx(1.0), 1 + 4 * 5)
    assert marker(q_ordering())(["i1", "i2", "i4", "i3"]) == (2.0, 0)  # 2 of 4 positions × 4 points


def test_markers_take_the_sites_aliases_as_the_same_choice():
    m, o = q_matching(), q_ordering()
    by_alias = {p.id: public_alias(m, p.right) for p in m.pairs}
    assert TYPES["matching"].marker(m)(by_alias) == TYPES["matching"].marker(m)({p.id: p.id for p in m.pairs})
    assert TYPES["ordering"].marker(o)([public_alias(o, i.text) for i in o.items]) == (4.0, 0)


@pytest.mark.parametrize("q, answer, reason", [
    (q_single(), 1, "expected one option id (text), got a number"),
    (q_single(), "z", "option 'z' does not exist"),
    (q_multiple(), "ab", "expected a list of option ids, got text"),
    (q_multiple(), ["a", "q"], "option 'q' does not exist"),
    (q_multiple(), [["a"]], "expected option ids (text) in the list, got a list"),
    (q_multiple(), ["a", "a"], "the same option is listed twice"),
    (TF, 1, "expected true or false, got a number"),
    (FILL, 3, "expected text, got a number"),
    (NUMERIC, True, "expected a number, got true/false"),
    (NUMERIC, float("nan"), "expected a number, got infinity or NaN"),
    (NUMERIC, 10**400, "the number is too large"),
    (q_matching(), ["p1"], "expected pairs {left id: right id}, got a list"),
    (q_matching(), {"p9": "p1"}, "pair 'p9' does not exist"),
    (q_matching(), {"p1": ["p1"]}, "expected a right id (text) for pair 'p1', got a list"),
    (q_matching(), {"p1": "y"}, "right 'y' (matched to 'p1') does not exist"),
    (q_ordering(), ["i1", "i9"], "item 'i9' does not exist"),
])
def test_markers_name_what_is_wrong_with_a_bad_answer(q, answer, reason):
    with pytest.raises(AnswerError) as exc:
        TYPES[q.type].marker(q)(answer)
    assert str(exc.value) == reason


def test_every_valid_answer_has_one_of_its_types_answer_classes():
    valid = {"single": "a", "multiple": ["a"], "true_false": True, "fill_blank": "x", "numeric": 1.5,
             "matching": {"p1": "p1"}, "ordering": ["i1"]}
    for q in (q_single(), q_multiple(), TF, FILL, NUMERIC, q_matching(), q_ordering()):
        t = TYPES[q.type]
        assert valid[q.type].__class__ in t.answer_classes, q.type
        key = valid[q.type] if t.answer_key is None else t.answer_key(valid[q.type])
        assert hash(key) is not None


# --- CSV cells and choice codes

def test_cells_are_read_by_the_type():
    assert TYPES["single"].read_cell(q_single(), " a ") == "a"
    assert TYPES["multiple"].read_cell(q_multiple(), "a| b |") == ["a", "b"]
    assert TYPES["true_false"].read_cell(TF, " Yes") is True and TYPES["true_false"].read_cell(TF, "f") is False
    assert TYPES["numeric"].read_cell(NUMERIC, "3,5") == 3.5
    assert TYPES["matching"].read_cell(q_matching(), "p1=p2|p2 = p1") == {"p1": "p2", "p2": "p1"}
    assert TYPES["ordering"].read_cell(q_ordering(), "i2|i1") == ["i2", "i1"]
    with pytest.raises(AnswerError, match="expected true or false"):
        TYPES["true_false"].read_cell(TF, "maybe")


@pytest.mark.parametrize("q, answer, picked", [
    (q_single(), "b", [(0, 1)]),
    (q_multiple(), ["d", "a"], [(0, 0), (0, 3)]),
    (TF, True, [(0, 0)]), (TF, False, [(0, 1)]),
    (q_matching(), {"p1": "x1", "p3": "p2", "p2": None}, [(0, 3), (2, 1)]),  # x1 is the 4th right
])
def test_a_choice_code_stands_for_the_options_chosen(q, answer, picked):
    t = TYPES[q.type]
    _, code = t.marker(q)(answer)
    assert t.chosen(q, code) == picked
    groups = t.choice_groups(q)
    assert all(i < len(groups[g][1]) for g, i in picked)


def test_choice_groups_name_the_options_and_the_rights_of_each_left():
    assert TYPES["true_false"].choice_groups(TF) == [(None, [("true", "true", True), ("false", "false", False)])]
    groups = TYPES["matching"].choice_groups(q_matching())
    assert [g for g, _ in groups] == ["IOM", "UNHCR", "ILO"]
    assert [r for r, _, right in groups[1][1] if right] == ["p2"] and len(groups[1][1]) == 4
    assert TYPES["fill_blank"].choice_groups(FILL) == [] and TYPES["ordering"].choice_groups(q_ordering()) == []
