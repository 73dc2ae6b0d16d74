"""Item statistics over graded attempts, as Moodle defines them.

For a quiz taken by n learners (one graded attempt each), with x the marks
on one question (max m) and T the total scores:

facility
    mean(x) ÷ m — the share of the marks learners earned (Moodle's
    "facility index"); 1 = everybody right.
discrimination
    the Pearson correlation between x and the rest of the test, T − x
    (Moodle's "discrimination index"; the question itself is left out so it
    does not correlate with itself). Undefined (None) when x or T − x does
    not vary.
Cronbach's alpha
    k/(k−1) · (1 − Σ var(xᵢ) ÷ var(T)) over the k questions (Moodle's
    "coefficient of internal consistency"); None below 2 questions or 2
    learners, or when T does not vary.
upper group
    the top 27 % of learners by total score (at least one), used to spot a
    distractor that strong learners prefer to the key.

Flags: discrimination negative, or below :data:`LOW_DISCRIMINATION`;
facility above 95 % or below 20 %; top scorers choosing a distractor more
often than the key.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import mul
from typing import Any

from ..quiz.types import TYPES

LOW_DISCRIMINATION = 0.2
EASY = 0.95
HARD = 0.20
UPPER_SHARE = 0.27
BINS = 10


def _centered(xs: Sequence[float], ys: Sequence[float], n: int, sx: float, sy: float) -> float:
    """Σ(x − x̄)(y − ȳ) = Σxy − ΣxΣy/n (marks are small numbers: no cancellation worth fearing)."""
    return sum(map(mul, xs, ys)) - sx * sy / n


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    sx, sy = sum(xs), sum(ys)
    cxy = _centered(xs, ys, n, sx, sy)
    cxx = _centered(xs, xs, n, sx, sx)
    cyy = _centered(ys, ys, n, sy, sy)
    if cxx <= 1e-12 * max(1.0, n) or cyy <= 1e-12 * max(1.0, n):
        return None
    return max(-1.0, min(1.0, cxy / math.sqrt(cxx * cyy)))


def facility(marks: Sequence[float], max_mark: float, total: float | None = None) -> float | None:
    """``total``: math.fsum(marks), when the caller already has it."""
    if not marks or max_mark <= 0:
        return None
    return (math.fsum(marks) if total is None else total) / len(marks) / max_mark


def discrimination(marks: Sequence[float], totals: Sequence[float], st: float | None = None,
                   stt: float | None = None, sums: tuple[float, float] | None = None) -> float | None:
    """Correlation of a question's marks x with the rest of the test R = T − x.

    Computed from sums (no R column is built): with centred sums C,
    C(x,R) = C(x,T) − C(x,x) and C(R,R) = C(T,T) − 2·C(x,T) + C(x,x).
    ``st``/``stt`` (ΣT, ΣT²) may be passed in when computed once for all questions, and
    ``sums`` (Σx, Σx²) when the caller already has them.
    """
    n = len(marks)
    if n < 2:
        return None
    if st is None or stt is None:
        st, stt = sum(totals), sum(map(mul, totals, totals))
    sx, sxx = sums if sums is not None else (sum(marks), sum(map(mul, marks, marks)))
    cxx = sxx - sx * sx / n
    cxt = sum(map(mul, marks, totals)) - sx * st / n
    ctt = stt - st * st / n
    cxr = cxt - cxx
    crr = ctt - 2 * cxt + cxx
    tiny = 1e-9 * max(1.0, abs(ctt))
    if cxx <= tiny or crr <= tiny:
        return None
    return max(-1.0, min(1.0, cxr / math.sqrt(cxx * crr)))


def variance(xs: Sequence[float], sums: tuple[float, float] | None = None) -> float:
    """Sample variance (n − 1); alpha is a ratio, so the choice of denominator cancels.

    ``sums`` (Σx, Σx²) may be passed in when the caller already has them.
    """
    n = len(xs)
    if n < 2:
        return 0.0
    if sums is None:
        s = sum(xs)
        return max(0.0, _centered(xs, xs, n, s, s) / (n - 1))
    return max(0.0, (sums[1] - sums[0] * sums[0] / n) / (n - 1))


def cronbach_alpha(columns: Sequence[Sequence[float]], totals: Sequence[float] | None = None) -> float | None:
    if len(columns) < 2 or len(columns[0]) < 2:
        return None
    if totals is None:
        totals = [math.fsum(row) for row in zip(*columns)]
    return alpha_from_variances([variance(c) for c in columns], variance(totals))


def alpha_from_variances(item_variances: Sequence[float], total_variance: float) -> float | None:
    k = len(item_variances)
    if k < 2 or total_variance <= 1e-12:
        return None
    return k / (k - 1) * (1 - math.fsum(item_variances) / total_variance)


def upper_group(totals: Sequence[float], share: float = UPPER_SHARE) -> list[int]:
    """Indexes of the top ``share`` of learners by total (ties keep reading order)."""
    n = len(totals)
    if not n:
        return []
    size = max(1, math.ceil(share * n - 1e-9))
    # reverse=True keeps equal totals in reading order, as a key of −total would
    return sorted(range(n), key=totals.__getitem__, reverse=True)[:size]


@dataclass
class OptionCount:
    id: str
    text: str
    correct: bool
    count: int = 0  # graded attempts that chose it
    upper: int = 0  # of which in the upper group


@dataclass
class QuestionStats:
    id: str
    type: str
    prompt: str
    points: float
    n: int
    answered: int
    mean: float
    facility: float | None
    sd: float
    discrimination: float | None
    options: list[OptionCount] = field(default_factory=list)  # single, multiple, true_false
    pairs: list[tuple[str, list[OptionCount]]] = field(default_factory=list)  # matching: per left
    flags: list[str] = field(default_factory=list)


@dataclass
class QuizStats:
    id: str
    title: str
    n: int
    max: float
    pass_mark: float
    mean: float
    sd: float
    median: float
    passed: int
    alpha: float | None
    histogram: list[int]  # BINS bins of percent: [0,10), [10,20), ... [90,100]
    upper_size: int
    questions: list[QuestionStats]


def histogram(percents: Iterable[float] | Mapping[float, int], bins: int = BINS) -> list[int]:
    """Counts per bin of percent; ``percents`` may be {percent: how many learners have it}."""
    counts = [0] * bins
    weighted = percents.items() if isinstance(percents, Mapping) else ((p, 1) for p in percents)
    for p, c in weighted:
        counts[min(bins - 1, max(0, int(p * bins / 100.0 + 1e-9)))] += c
    return counts


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %"


def question_flags(qs: QuestionStats) -> list[str]:
    flags = []
    # judged as shown, to two places: 0.1987 reads 0.20, which is not below 0.20, and a
    # correlation of -1e-17 (zero, up to rounding) is not negative
    d = None if qs.discrimination is None else round(qs.discrimination, 2) + 0.0
    if d is not None and d < 0:
        flags.append(f"negative discrimination ({d:.2f}): learners who did well on the rest of the quiz "
                     "did worse on this question; check the key")
    elif d is not None and d < LOW_DISCRIMINATION:
        flags.append(f"low discrimination ({d:.2f}, below {LOW_DISCRIMINATION:.2f}): the question hardly "
                     "separates stronger from weaker learners")
    f = qs.facility
    if f is not None and f > EASY:
        flags.append(f"very easy: facility {_pct(f)} (above {_pct(EASY)})")
    elif f is not None and f < HARD:
        flags.append(f"very hard: facility {_pct(f)} (below {_pct(HARD)}); check the key and the wording")
    groups = [("", qs.options)] if qs.options else qs.pairs
    for left, opts in groups:
        keys = [o for o in opts if o.correct]
        wrong = [o for o in opts if not o.correct]
        if not keys or not wrong:
            continue
        key_low = min(keys, key=lambda o: o.upper)
        top = max(wrong, key=lambda o: o.upper)
        if top.upper > key_low.upper:
            where = f" for '{left}'" if left else ""
            flags.append(f"top scorers prefer a distractor{where}: '{top.text}' was chosen by {top.upper} "
                         f"of the upper group, the key '{key_low.text}' by {key_low.upper}")
    return flags


def _count_choices(q: Any, codes: Sequence[int], upper: Sequence[int]) -> tuple[list[OptionCount], list]:
    """Option (or, for matching, per-pair right) frequencies from the choice codes.

    What a code stands for is the question type's (``choice_groups`` and ``chosen``, beside
    its marker). Codes are counted first (few distinct values, counted in C), then each
    distinct code is spread over the options it stands for.
    """
    t = TYPES[q.type]
    groups = [(name, [OptionCount(oid, text, right) for oid, text, right in opts])
              for name, opts in t.choice_groups(q)]
    options = groups[0][1] if groups and groups[0][0] is None else []
    pairs = [(name, opts) for name, opts in groups if name is not None]
    if not groups:
        return options, pairs
    everyone = Counter(codes)
    top = Counter(map(codes.__getitem__, upper))
    for code, count in everyone.items():
        if code < 0:
            continue
        for g, i in t.chosen(q, code):
            o = groups[g][1][i]
            o.count += count
            o.upper += top.get(code, 0)
    return options, pairs


def _score_moments(totals: Sequence[float]) -> tuple[int, float, float, float, Counter]:
    """(n, ΣT, ΣT², exact ΣT, {score: learners}) of the scores.

    Scores take few distinct values: counted in C once, they give the sums, the median,
    the pass count and the histogram without another pass over n numbers. (A question's
    marks are summed directly instead: for one column, two C-level sums beat counting.)
    """
    counts = Counter(totals)
    items = counts.items()
    return (len(totals), sum(v * c for v, c in items), sum(v * v * c for v, c in items),
            math.fsum(v * c for v, c in items), counts)


def _median(counts: Counter, n: int) -> float:
    """The median of n values given as {value: count}."""
    if not n:
        return 0.0
    wanted = [n // 2] if n % 2 else [n // 2 - 1, n // 2]  # positions in sorted order
    found, seen = [], 0
    for v in sorted(counts):
        seen += counts[v]
        while wanted and wanted[0] < seen:
            found.append(v)
            wanted.pop(0)
        if not wanted:
            break
    return found[0] if len(found) == 1 else (found[0] + found[1]) / 2


def quiz_statistics(key: Any, columns: Sequence[Sequence[float]], codes: Sequence[Sequence[int]],
                    totals: Sequence[float]) -> QuizStats:
    """Statistics of one quiz from its graded attempts.

    ``columns[j]`` holds every learner's mark on question j (in points),
    ``codes[j]`` their choice codes (what each stands for is its question type's ``chosen``),
    ``totals`` their scores, all in the same learner order.
    """
    quiz = key.quiz
    k = len(key.qids)
    n, st, stt, exact_total, score_counts = _score_moments(totals)
    upper = upper_group(totals)
    total_var = max(0.0, (stt - st * st / n) / (n - 1)) if n >= 2 else 0.0
    questions = []
    item_variances = []
    for j, q in enumerate(quiz.questions):
        col = columns[j]
        sx, sxx = sum(col), sum(map(mul, col, col))  # each a C-level pass over the column
        total = math.fsum(col)
        var = variance(col, (sx, sxx))
        item_variances.append(var)
        options, pairs = _count_choices(q, codes[j], upper)
        qs = QuestionStats(
            id=q.id, type=q.type, prompt=q.prompt, points=float(q.points), n=n, answered=n - codes[j].count(-1),
            mean=total / n if n else 0.0,
            facility=facility(col, float(q.points), total),
            sd=math.sqrt(var),
            discrimination=discrimination(col, totals, st, stt, (sx, sxx)) if k > 1 else None,
            options=options, pairs=pairs,
        )
        qs.flags = question_flags(qs)
        questions.append(qs)
    # per distinct score: its percent and how many learners have it
    percents = {t: key.percent(t) for t in score_counts}
    per_percent: Counter = Counter()
    for t, p in percents.items():
        per_percent[p] += score_counts[t]
    return QuizStats(
        id=key.id, title=quiz.title, n=n, max=key.max, pass_mark=key.pass_mark,
        mean=exact_total / n if n else 0.0, sd=math.sqrt(total_var), median=_median(score_counts, n),
        passed=sum(score_counts[t] for t, p in percents.items() if key.passed(p)),
        alpha=alpha_from_variances(item_variances, total_var) if n >= 2 else None, histogram=histogram(per_percent),
        upper_size=len(upper), questions=questions,
    )
