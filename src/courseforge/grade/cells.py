"""CSV cells to answers: what a spreadsheet or form export holds, per question type.

single: the option id; multiple and ordering: ids separated by ``|``;
true_false: true/false, yes/no, y/n, t/f, 1/0 (any case); fill_blank: the
text; numeric: ``3.5`` or ``3,5`` (see :func:`parse_number`); matching:
``pair=right|pair=right``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .markers import AnswerError, _show

_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}
_GROUPED = re.compile(r"^[+-]?\d{1,3},\d{3}$")


def parse_number(text: str) -> float:
    """A number typed in a spreadsheet: ``3.5`` or ``3,5``; spaces ignored.

    A comma is a decimal comma only when there is no point; ``1,000`` is
    refused as ambiguous (a thousand, or one?) rather than guessed.
    """
    s = text.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "_" in s:  # float() reads "2_81" as 281, as Python source would; nobody types that
        raise AnswerError(f"expected a number, got {_show(text)}")
    if "," in s:
        if "." in s or s.count(",") > 1 or _GROUPED.match(s):
            raise AnswerError(f"ambiguous number {_show(text)}: write it with a decimal point and no thousands separator")
        s = s.replace(",", ".")
    try:
        value = float(s)
    except ValueError:
        raise AnswerError(f"expected a number, got {_show(text)}") from None
    if not math.isfinite(value):
        raise AnswerError(f"expected a number, got {_show(text)}")
    return value


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.split("|") if p.strip()]


def parse_cell(q: Any, text: str) -> Any:
    """A CSV cell in the shape the JSON answer would have (see the CSV rules in inputs)."""
    t = q.type
    if t in ("single",):
        return text.strip()
    if t in ("multiple", "ordering"):
        return _split(text)
    if t == "true_false":
        low = text.strip().casefold()
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
        raise AnswerError(f"expected true or false (or yes/no), got {_show(text)}")
    if t == "fill_blank":
        return text
    if t == "numeric":
        return parse_number(text)
    if t == "matching":
        out: dict[str, str] = {}
        for part in _split(text):
            left, sep, right = part.partition("=")
            if not sep or not left.strip() or not right.strip():
                raise AnswerError(f"expected pairs written left=right separated by |, got {_show(part)}")
            out[left.strip()] = right.strip()
        return out
    raise AnswerError(f"unknown question type {t}")  # pragma: no cover
