"""The question types, one module each; :data:`TYPES` names them in the order
the format lists them. To add a type, write its module (see ``base.py``) and
add it here."""

from __future__ import annotations

from . import fill_blank, matching, multiple, numeric, ordering, single, true_false
from .base import Question, QuestionType, SourceRef

TYPES: dict[str, QuestionType] = {
    t.name: t
    for t in (single.TYPE, multiple.TYPE, true_false.TYPE, fill_blank.TYPE, numeric.TYPE, matching.TYPE, ordering.TYPE)
}


def type_of(question: Question) -> QuestionType:
    """The type a question model is of."""
    return TYPES[question.type]


__all__ = ["TYPES", "Question", "QuestionType", "SourceRef", "type_of"]
