"""The ids that matching rights and ordering items have in the browser.

Its own module, below the question types that use it (``quiz.types``) and
``quiz.public`` that re-exports it, so neither imports the other.
"""

from __future__ import annotations

import hashlib
from typing import Any


def public_alias(q: Any, text: str) -> str:
    """The id a matching right or an ordering item has in the browser.

    Derived from what the learner sees anyway (question id and text), so it
    reveals nothing; the quiz loader refuses two texts that read the same in
    one question, so aliases are unique within it.
    """
    return "x" + hashlib.sha256(f"{q.id}\0{text}".encode("utf-8")).hexdigest()[:10]
