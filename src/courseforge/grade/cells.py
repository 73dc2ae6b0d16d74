"""CSV cells to answers: what a spreadsheet or form export holds, read by each question's type.

single: the option id; multiple and ordering: ids separated by ``|``;
true_false: true/false, yes/no, y/n, t/f, 1/0 (any case); fill_blank: the
text; numeric: ``3.5`` or ``3,5`` (see :func:`parse_number`); matching:
``pair=right|pair=right``. Each rule is its type's ``read_cell``
(:mod:`courseforge.quiz.types`).
"""

from __future__ import annotations

from typing import Any

from ..quiz.types import TYPES
from ..quiz.types.marking import parse_number

__all__ = ["parse_cell", "parse_number"]


def parse_cell(q: Any, text: str) -> Any:
    """A CSV cell in the shape the JSON answer would have (see the CSV rules in inputs)."""
    return TYPES[q.type].read_cell(q, text)
