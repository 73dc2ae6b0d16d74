"""Pure scoring rules: how much of a question's points one (valid) answer earns.

Every function returns a *fraction* between 0 and 1; the mark is that
fraction times the question's ``points``. Answers reaching these functions
have already been checked for shape by :mod:`courseforge.grade.validate`.

The rules, as the report states them to trainers:

single, true_false
    all or nothing.
multiple, ``multiple_scoring: partial`` (the default)
    (right options chosen − wrong options chosen) ÷ number of right options,
    never below 0. With 2 right options out of 4: both right → 1; one right →
    0.5; one right and one wrong → 0; everything ticked → 0.
multiple, ``multiple_scoring: all_or_nothing``
    1 only when exactly the right options are chosen.
fill_blank
    1 when the answer equals one of the accepted answers after normalising
    both: Unicode NFKC, case folded, runs of white space made one space,
    leading/trailing space and trailing ``. , ; : ! ?`` removed.
numeric
    1 when |answer − key| ≤ tolerance (plus a hair, 1e-9 of the key, so
    that 0.1 + 0.2 style rounding never costs a learner a point).
matching
    correct pairs ÷ number of pairs.
ordering
    items in their correct position ÷ number of items.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Collection, Mapping, Sequence

PARTIAL = "partial"
ALL_OR_NOTHING = "all_or_nothing"
_TRAILING = ".,;:!?"


def single(right: Collection[str], chosen: str) -> float:
    """``right`` holds the correct option id (a set, so a key may list more than one)."""
    return 1.0 if chosen in right else 0.0


def multiple(right: Collection[str], chosen: Collection[str], rule: str = PARTIAL) -> float:
    picked = set(chosen)
    hits = len(picked & set(right)) if not isinstance(right, (set, frozenset)) else len(picked & right)
    wrong = len(picked) - hits
    n_right = len(right)
    if rule == ALL_OR_NOTHING or n_right == 0:
        return 1.0 if hits == n_right and wrong == 0 else 0.0
    return max(0.0, (hits - wrong) / n_right)


def true_false(key: bool, chosen: bool) -> float:
    return 1.0 if chosen is key else 0.0


def normalise_text(text: str) -> str:
    """The form fill-blank answers are compared in (see the module docstring)."""
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return text.rstrip(_TRAILING).rstrip()


@functools.cache
def text_rule() -> dict[str, object]:
    """:func:`normalise_text` as data, for the site's practice marking (quiz.js).

    JavaScript has NFKC and a per-character ``toLowerCase`` but no case
    folding, so the page gets the characters whose fold differs from their
    lower case ("ß" → "ss", "ς" → "σ"), the characters ``str.split`` takes
    as space, and the trailing marks dropped: the rule is written here only.
    """
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    return {
        "fold": {c: c.casefold() for c in chars if c.casefold() != c.lower()},
        "space": "".join(c for c in chars if c.isspace()),
        "trailing": _TRAILING,
    }


def fill_blank(accepted: Collection[str], given: str) -> float:
    """``accepted`` must already be normalised with :func:`normalise_text`."""
    return 1.0 if normalise_text(given) in accepted else 0.0


def numeric(key: float, tolerance: float, given: float) -> float:
    slack = abs(tolerance) + 1e-9 * max(1.0, abs(key))
    return 1.0 if abs(given - key) <= slack else 0.0


def matching(pairs: Sequence[str], chosen: Mapping[str, str]) -> float:
    """A left (pair id) is right when the learner matched it to its own pair id."""
    if not pairs:
        return 0.0
    return sum(1 for p in pairs if chosen.get(p) == p) / len(pairs)


def ordering(items: Sequence[str], given: Sequence[str]) -> float:
    """``items`` in the correct order; each position holding its item earns a share."""
    if not items:
        return 0.0
    return sum(1 for want, got in zip(items, given) if want == got) / len(items)
