"""What every question type shares: the common fields of the model and the
:class:`QuestionType` that each type's module fills in.

A question type lives in one module of this package (``single.py``,
``matching.py``…): its model, its fields, and everything the rest of the code
asks of it. Code elsewhere asks the type (``TYPES[q.type]``) instead of
branching on type names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..fields import Field


@dataclass(frozen=True)
class SourceRef:
    """Where a question comes from: a seed document id and one of its paragraph ids."""

    doc: str
    para: str  # always a string: "18", "annex-6"
    # Fingerprint of the paragraph's text when the question was written
    # (:func:`courseforge.sources.stable.fingerprint`); ``courseforge check``
    # reports the question once the paragraph reads differently. None in
    # quizzes written before citations recorded it.
    text: str | None = field(default=None, compare=False)


@dataclass(kw_only=True)
class Question:
    """Fields every question type shares. ``line`` is where it starts in its file."""

    type: ClassVar[str] = ""
    id: str
    prompt: str
    explanation: str
    source: SourceRef
    points: float = 1
    hints: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    bloom: str | None = None
    line: int = field(default=0, compare=False, repr=False)


class QuestionType:
    """One question type, as the rest of the code needs it.

    Each type's module defines a subclass and one instance of it, ``TYPE``.
    """

    name: ClassVar[str]
    model: ClassVar[type[Question]]
    # The fields only this type takes, in the order they are written.
    fields: ClassVar[tuple[Field, ...]] = ()
    # The objects its list fields hold, by the name their fields' ``of`` gives:
    # name -> (dataclass, its fields).
    parts: ClassVar[dict[str, tuple[type, tuple[Field, ...]]]] = {}

    # browser view (quiz.public)
    def public(self, q: Any, with_key: bool) -> dict[str, Any]:
        """The fields only this type shows the browser, after the ones every question has.

        ``with_key`` (practice mode) adds what the page marks with; without it
        nothing may tell which answer is right (tests/core/test_public.py).
        """
        return {}

    def aliases(self, q: Any) -> dict[str, str]:
        """alias -> model id, for the parts the browser names by alias (see ``quiz.alias``)."""
        return {}

    def resolve_answer(self, q: Any, answer: Any) -> Any:
        """A browser's answer with aliases turned back into model ids; anything else unchanged."""
        return answer
