"""Field specs: one field of a quiz file's YAML objects, with what it accepts.

The loader (:mod:`courseforge.quiz.load`) reads fields against these specs and
the JSON Schema (:mod:`courseforge.quiz.schema`) is generated from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One field of a YAML object.

    ``kind`` is one of: ``id``, ``text`` (non-empty text, Markdown where the
    help says so), ``bool``, ``number``, ``points`` (> 0), ``percent``
    (0-100), ``nonneg`` (>= 0), ``enum`` (one of ``choices``), ``para``
    (text or whole number), ``texts`` (list of text), ``answers`` (list of
    text or numbers), ``objects`` (list of ``of`` objects), ``object``.
    """

    name: str
    kind: str
    required: bool = False
    help: str = ""
    choices: tuple[str, ...] = ()
    of: str | None = None
    min_items: int = 0
    default: Any = None
    example: str = ""  # what to write, for messages about a missing field
