"""What the question types' marking shares (their ``# --- marking an answer`` sections use it).

Each type marks its own answers (:meth:`QuestionType.mark` is the rule as a
fraction of the points, :meth:`QuestionType.marker` the checker the grader
calls); this module holds the parts several types use: the error a bad answer
raises, how a value is named in that error, the check of a list of ids, the
form fill-in answers are compared in (and that form as data for the browser),
and the reading of CSV cells. All pure: the grader and the tests call them,
and the browser's practice marking is held to them (tests/data/marking_cases.json).
"""

from __future__ import annotations

import functools
import math
import re
import sys
import unicodedata
from typing import Any, Callable

PARTIAL = "partial"  # a quiz's multiple_scoring: the default
ALL_OR_NOTHING = "all_or_nothing"
_TRAILING = ".,;:!?"

# answer -> (mark in points, choice code); raises AnswerError for an answer that does not fit
Marker = Callable[[Any], tuple[float, int]]


class AnswerError(ValueError):
    """One answer does not fit its question."""


def kind(value: Any) -> str:
    """What a JSON value is, in a trainer's words ("a list", "text"…)."""
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


def show(value: Any, limit: int = 40) -> str:
    """A value quoted for a message, cut at ``limit`` characters."""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def id_list(value: Any, known: dict[str, int], what: str) -> list[int]:
    """Indexes of a list of distinct known ids, or AnswerError."""
    if value.__class__ is not list:
        raise AnswerError(f"expected a list of {what} ids, got {kind(value)}")
    out = []
    for v in value:
        i = known.get(v) if v.__class__ is str else None
        if i is None:
            if v.__class__ is not str:
                raise AnswerError(f"expected {what} ids (text) in the list, got {kind(v)}")
            raise AnswerError(f"{what} {show(v)} does not exist")
        out.append(i)
    if len(set(out)) != len(out):
        raise AnswerError(f"the same {what} is listed twice")
    return out


def normalise_text(text: str) -> str:
    """The form fill-in answers are compared in: Unicode NFKC, case folded, runs of white
    space made one space, leading/trailing space and trailing ``. , ; : ! ?`` removed."""
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


# --- CSV cells (a spreadsheet or form export): the text each type's read_cell turns into an answer

TRUE_WORDS = frozenset({"true", "yes", "y", "1", "t"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "f"})
_GROUPED = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def parse_number(text: str) -> float:
    """A number typed in a spreadsheet: ``3.5`` or ``3,5``; spaces ignored.

    A comma is a decimal comma only when there is no point; ``1,000`` is
    refused as ambiguous (a thousand, or one?) rather than guessed.
    """
    s = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "_" in s:  # float() reads "2_81" as 281, as Python source would; nobody types that
        raise AnswerError(f"expected a number, got {show(text)}")
    if "," in s:
        if "." in s or s.count(",") > 1 or _GROUPED.match(s):
            raise AnswerError(f"ambiguous number {show(text)}: write it with a decimal point and no thousands separator")
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise AnswerError(f"expected a number, got {show(text)}") from None
    if not math.isfinite(value):
        raise AnswerError(f"expected a number, got {show(text)}")
    return value


def split_cell(text: str) -> list[str]:
    """The parts of a cell written ``a|b|c`` (blank parts dropped)."""
    return [p.strip() for p in text.split("|") if p.strip()]
