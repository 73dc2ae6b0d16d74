"""Per-question answer checkers ("markers"): shape first, then the score.

A quiz's questions are each compiled once into a marker, a closure that
checks one answer's shape (option ids exist, right JSON type…), scores it
with :mod:`courseforge.grade.scoring` and returns ``(mark, choice)``, the
mark in points. ``choice`` is a small integer recording which options were
picked (for the report's option frequencies) so that statistics keep
numbers, not strings: the option's index for single, a bit mask for
multiple, 1/0 for true/false, a mixed-radix code for matching (per pair, the
chosen right's number in base len(rights) + 1), 0 for the other types; -1
when unanswered. A bad answer raises :class:`AnswerError` with a reason a
trainer can read.

Markers remember answers they already graded (bounded): across 100,000
learners the same few answers recur, and a dict look-up is cheaper than
checking them again.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from ..quiz.public import aliases, resolve_answer
from . import scoring

CACHE_SIZE = 4096  # per question: graded answers remembered

Marker = Callable[[Any], tuple[float, int]]


class AnswerError(ValueError):
    """One answer does not fit its question."""


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _show(value: Any, limit: int = 40) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _id_list(value: Any, known: dict[str, int], what: str) -> list[int]:
    """Indexes of a list of distinct known ids, or AnswerError."""
    if value.__class__ is not list:
        raise AnswerError(f"expected a list of {what} ids, got {_kind(value)}")
    out = []
    for v in value:
        i = known.get(v) if v.__class__ is str else None
        if i is None:
            if v.__class__ is not str:
                raise AnswerError(f"expected {what} ids (text) in the list, got {_kind(v)}")
            raise AnswerError(f"{what} {_show(v)} does not exist")
        out.append(i)
    if len(set(out)) != len(out):
        raise AnswerError(f"the same {what} is listed twice")
    return out


def make_marker(q: Any, multiple_scoring: str = scoring.PARTIAL) -> Marker:
    """The answer checker and scorer for one question: answer -> (mark in points, choice code)."""
    t = q.type
    pts = float(q.points)
    if t == "single":
        right = frozenset(o.id for o in q.options if o.correct)
        # option id -> (mark, index): one dict look-up grades a valid answer
        table = {o.id: (scoring.single(right, o.id) * pts, i) for i, o in enumerate(q.options)}

        def mark(ans: Any) -> tuple[float, int]:
            r = table.get(ans) if ans.__class__ is str else None
            if r is None:
                if ans.__class__ is not str:
                    raise AnswerError(f"expected one option id (text), got {_kind(ans)}")
                raise AnswerError(f"option {_show(ans)} does not exist")
            return r

    elif t == "multiple":
        ids = {o.id: i for i, o in enumerate(q.options)}
        right = frozenset(o.id for o in q.options if o.correct)
        rule = multiple_scoring

        cache: dict[tuple, tuple[float, int]] = {}  # a few combinations recur: score each once

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is list:
                try:
                    r = cache.get(tuple(ans))
                except TypeError:  # something unhashable in the list: the checks below say what
                    r = None
                if r is not None:
                    return r
            idx = _id_list(ans, ids, "option")
            bits = 0
            for i in idx:
                bits |= 1 << i
            r = (scoring.multiple(right, ans, rule) * pts, bits)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans)] = r
            return r

    elif t == "true_false":
        yes = (scoring.true_false(q.answer, True) * pts, 1)
        no = (scoring.true_false(q.answer, False) * pts, 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans is True:
                return yes
            if ans is False:
                return no
            raise AnswerError(f"expected true or false, got {_kind(ans)}")

    elif t == "fill_blank":
        accepted = frozenset(scoring.normalise_text(a) for a in q.answers)
        cache: dict[str, float] = {}  # common answers repeat; bounded below

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not str:
                raise AnswerError(f"expected text, got {_kind(ans)}")
            f = cache.get(ans)
            if f is None:
                f = scoring.fill_blank(accepted, ans) * pts
                if len(cache) < CACHE_SIZE:
                    cache[ans] = f
            return f, 0

    elif t == "numeric":
        key, tol = float(q.answer), float(q.tolerance or 0)

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ not in (int, float):  # bool is excluded on purpose
                raise AnswerError(f"expected a number, got {_kind(ans)}")
            try:
                if not math.isfinite(ans):
                    raise AnswerError("expected a number, got infinity or NaN")
                return scoring.numeric(key, tol, ans) * pts, 0
            except OverflowError:  # an integer with hundreds of digits
                raise AnswerError("the number is too large") from None

    elif t == "matching":
        pairs = [p.id for p in q.pairs]
        rights = {r: i + 1 for i, r in enumerate(pairs + [d.id for d in q.distractors])}
        place = {p: n for n, p in enumerate(pairs)}
        base = len(rights) + 1
        # The site names rights by alias (quiz.public): the same choice, the same code.
        alias = aliases(q)
        rights.update({a: rights[m] for a, m in alias.items()})

        cache = {}

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is not dict:
                raise AnswerError(f"expected pairs {{left id: right id}}, got {_kind(ans)}")
            try:
                r = cache.get(tuple(ans.items()))
            except TypeError:
                r = None
            if r is not None:
                return r
            code = 0
            for left, right in ans.items():
                n = place.get(left) if left.__class__ is str else None
                if n is None:
                    raise AnswerError(f"pair {_show(left)} does not exist")
                if right is None:
                    continue
                r = rights.get(right) if right.__class__ is str else None
                if r is None:
                    if right.__class__ is not str:
                        raise AnswerError(f"expected a right id (text) for pair {_show(left)}, got {_kind(right)}")
                    raise AnswerError(f"right {_show(right)} (matched to {_show(left)}) does not exist")
                code += r * base**n
            res = (scoring.matching(pairs, resolve_answer(q, ans) if alias else ans) * pts, code)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans.items())] = res
            return res

    elif t == "ordering":
        items = [i.id for i in q.items]
        known = {iid: n for n, iid in enumerate(items)}
        alias = aliases(q)  # the site names items by alias (quiz.public)
        known.update({a: known[m] for a, m in alias.items()})

        cache = {}

        def mark(ans: Any) -> tuple[float, int]:
            if ans.__class__ is list:
                try:
                    r = cache.get(tuple(ans))
                except TypeError:
                    r = None
                if r is not None:
                    return r
            _id_list(ans, known, "item")
            r = (scoring.ordering(items, resolve_answer(q, ans)) * pts, 0)
            if len(cache) < CACHE_SIZE:
                cache[tuple(ans)] = r
            return r

    else:  # pragma: no cover - the quiz loader only builds known types
        raise ValueError(f"unknown question type {t!r}")
    return mark
