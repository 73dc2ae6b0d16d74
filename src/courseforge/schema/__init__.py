"""Package data: the quiz JSON Schema as shipped (``quiz-v1.schema.json``).

A copy of what ``courseforge.quiz.schema.schema_text()`` generates; tests keep
the two equal. ``schema_path()`` lets tools find it without a course.
"""

from pathlib import Path


def schema_path() -> Path:
    return Path(__file__).with_name("quiz-v1.schema.json")
