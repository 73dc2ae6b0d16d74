"""Item statistics against a hand-computed example.

Four learners, three 1-point questions (rows = learners, T = total):

    L1  1 1 1   T=3
    L2  1 1 0   T=2
    L3  1 0 0   T=1
    L4  0 0 0   T=0

Facility: q1 3/4 = 0.75, q2 2/4 = 0.5, q3 1/4 = 0.25.

Discrimination = r(x, T − x):
  q1: x = 1 1 1 0, rest = 2 1 0 0; both means 0.75
      Σdx·dr = .25·1.25 + .25·.25 + .25·(−.75) + (−.75)(−.75) = .75
      Σdx² = .75, Σdr² = 1.5625 + .0625 + .5625 + .5625 = 2.75
      r = .75 / √(.75 · 2.75) = 0.522233
  q2: x = 1 1 0 0, rest = 2 1 1 0; means .5 and 1
      Σdx·dr = .5·1 + .5·0 + (−.5)·0 + (−.5)(−1) = 1; Σdx² = 1; Σdr² = 2
      r = 1 / √2 = 0.707107
  q3: x = 1 0 0 0, rest = 2 2 1 0 — mirror image of q1: r = 0.522233

Cronbach's alpha (sample variances, n − 1 = 3):
  var(q1) = .75/3 = .25, var(q2) = 1/3, var(q3) = .25 → Σ = .833333
  T = 3 2 1 0, mean 1.5, Σd² = 5 → var(T) = 5/3
  alpha = 3/2 · (1 − .833333 / 1.666667) = 1.5 · .5 = 0.75
"""

from __future__ import annotations

from array import array

import pytest

from courseforge.grade import stats
from courseforge.grade.validate import QuizKey
from courseforge.quiz.model import Option, Quiz, SingleChoice

from .conftest import SRC

ROWS = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
COLS = [[r[j] for r in ROWS] for j in range(3)]
TOTALS = [sum(r) for r in ROWS]


def test_facility():
    assert [stats.facility(c, 1) for c in COLS] == [0.75, 0.5, 0.25]
    assert stats.facility([2, 1], 2) == 0.75  # mean mark ÷ max mark


def test_discrimination_hand_computed():
    assert stats.discrimination(COLS[0], TOTALS) == pytest.approx(0.522233, abs=1e-6)
    assert stats.discrimination(COLS[1], TOTALS) == pytest.approx(0.707107, abs=1e-6)
    assert stats.discrimination(COLS[2], TOTALS) == pytest.approx(0.522233, abs=1e-6)


def test_discrimination_equals_pearson_with_rest_of_test():
    rest = [t - x for t, x in zip(TOTALS, COLS[0])]
    assert stats.discrimination(COLS[0], TOTALS) == pytest.approx(stats.pearson(COLS[0], rest))


def test_discrimination_undefined_when_nobody_differs():
    assert stats.discrimination([1, 1, 1, 1], [3, 2, 1, 1]) is None
    assert stats.discrimination([1], [1]) is None


def test_negative_discrimination():
    # only the weakest learner gets q4 right
    q4 = [0, 0, 0, 1]
    totals = [t + x for t, x in zip(TOTALS, q4)]
    assert stats.discrimination(q4, totals) < 0


def test_cronbach_alpha_hand_computed():
    assert stats.cronbach_alpha(COLS) == pytest.approx(0.75)
    assert stats.cronbach_alpha(COLS, TOTALS) == pytest.approx(0.75)
    assert stats.cronbach_alpha(COLS[:1]) is None  # one question
    assert stats.cronbach_alpha([[1, 1], [1, 1]]) is None  # total does not vary


def test_upper_group_is_top_27_percent():
    assert stats.upper_group(TOTALS) == [0, 1]  # ceil(0.27 × 4) = 2
    assert stats.upper_group([5, 9, 7, 1, 3, 8, 2, 6, 4, 0]) == [1, 5, 2]  # ceil(2.7) = 3


def test_histogram_bins():
    assert stats.histogram([0, 9.99, 10, 55, 100, 100]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    # {percent: learners}, as quiz_statistics counts distinct scores
    assert stats.histogram({0: 2, 9.99: 1, 55: 4, 100: 3}) == [3, 0, 0, 0, 0, 4, 0, 0, 0, 3]


@pytest.mark.parametrize("values, median", [
    ([3.0, 1.0, 2.0], 2.0), ([1.0, 1.0, 2.0, 5.0], 1.5), ([4.0, 4.0, 4.0, 9.0], 4.0), ([7.0], 7.0), ([], 0.0),
    ([2.0, 0.0, 2.0, 0.0], 1.0),
])
def test_median_from_counts(values, median):
    from collections import Counter
    assert stats._median(Counter(values), len(values)) == median


def _quiz() -> Quiz:
    opts = [Option("a", "Key", True), Option("b", "Tempting", False), Option("c", "Other", False)]
    qs = [SingleChoice(id=f"q{i}", prompt=f"Q{i}", explanation="", source=SRC, options=list(opts)) for i in (1, 2, 3)]
    return Quiz(id="s", module="m", title="Stats quiz", mode="assessment", pass_mark=50, questions=qs)


def test_quiz_statistics_from_columns():
    key = QuizKey.compile(_quiz())
    # Choices: q1 right = "a"; wrong answers: L4 chose "b" on q1; q2: L3 "b", L4 "c"; q3: L2..L4 "b"
    codes = [array("q", [0, 0, 0, 1]), array("q", [0, 0, 1, 2]), array("q", [0, 1, 1, 1])]
    qs = stats.quiz_statistics(key, [array("d", c) for c in COLS], codes, array("d", TOTALS))
    assert qs.n == 4 and qs.max == 3 and qs.mean == 1.5 and qs.median == 1.5
    assert qs.alpha == pytest.approx(0.75)
    assert qs.passed == 2  # 3/3 and 2/3 ≥ 50 %
    assert qs.histogram == [1, 0, 0, 1, 0, 0, 1, 0, 0, 1]
    q1, q2, q3 = qs.questions
    assert (q1.facility, q2.facility, q3.facility) == (0.75, 0.5, 0.25)
    assert q2.discrimination == pytest.approx(0.707107, abs=1e-6)
    assert [(o.id, o.count, o.upper) for o in q2.options] == [("a", 2, 2), ("b", 1, 0), ("c", 1, 0)]
    # q3: upper group (L1, L2) split 1–1 between key and "b": not a preference
    assert [(o.id, o.count, o.upper) for o in q3.options] == [("a", 1, 1), ("b", 3, 1), ("c", 0, 0)]
    assert q3.flags == []
    assert q1.flags == []


def test_flags():
    def qstats(**kw):
        base = dict(id="q", type="single", prompt="", points=1, n=10, answered=10, mean=0.5, facility=0.5, sd=0.5,
                    discrimination=0.5)
        base.update(kw)
        return stats.QuestionStats(**base)

    assert stats.question_flags(qstats()) == []
    assert stats.question_flags(qstats(discrimination=-0.31)) == [
        "negative discrimination (-0.31): learners who did well on the rest of the quiz did worse on this "
        "question; check the key"]
    assert stats.question_flags(qstats(discrimination=0.1)) == [
        "low discrimination (0.10, below 0.20): the question hardly separates stronger from weaker learners"]
    assert stats.question_flags(qstats(facility=0.97)) == ["very easy: facility 97 % (above 95 %)"]
    assert stats.question_flags(qstats(facility=0.1)) == [
        "very hard: facility 10 % (below 20 %); check the key and the wording"]
    opts = [stats.OptionCount("a", "Geneva", True, 4, 1), stats.OptionCount("b", "Bern", False, 6, 3)]
    assert stats.question_flags(qstats(options=opts)) == [
        "top scorers prefer a distractor: 'Bern' was chosen by 3 of the upper group, the key 'Geneva' by 1"]


def test_flags_judge_discrimination_as_shown_to_two_places():
    def flags(d):
        return stats.question_flags(stats.QuestionStats(
            id="q", type="single", prompt="", points=1, n=10, answered=10, mean=0.5, facility=0.5, sd=0.5,
            discrimination=d))

    low = "low discrimination (0.00, below 0.20): the question hardly separates stronger from weaker learners"
    for zero in (0.0, -0.0, -1e-17, -0.004):  # zero, up to rounding: low, not negative
        assert flags(zero) == [low]
    assert flags(-0.006)[0].startswith("negative discrimination (-0.01): ")
    for shown_020 in (0.1987, 0.195, 0.2):  # reads 0.20: not below 0.20
        assert flags(shown_020) == []
    assert flags(0.1949) == [
        "low discrimination (0.19, below 0.20): the question hardly separates stronger from weaker learners"]
