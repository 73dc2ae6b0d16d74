"""The markers a page's Markdown may hold, written and read in one place.

``<!-- quiz: ID -->`` places quiz ID there (a trainer writes it, the generator
writes it, ``check`` and the site read it: one grammar, so check and build
agree on which markers exist). The others are courseforge's own, placed by
the site build: a module page's slot for its unplaced quizzes, the home
page's progress panel and the certificate's form.
"""

from __future__ import annotations

import re

# An HTML comment anywhere in a line; Markdown keeps it as it is in the HTML, so the same
# pattern finds it in the page's source and in its rendered output.
QUIZ = re.compile(r"<!--\s*quiz:\s*([^\s>]*?)\s*-->")
SLOT = re.compile(r"<!-- quiz-slot: (\S+) -->")
PROGRESS = "<!-- course-progress -->"
CERTIFICATE = "<!-- course-certificate -->"


def quiz_marker(quiz_id: str) -> str:
    return f"<!-- quiz: {quiz_id} -->"


def slot_marker(module_id: str) -> str:
    return f"<!-- quiz-slot: {module_id} -->"


def quiz_markers(text: str, first_line: int = 1) -> list[tuple[str, int, int]]:
    """(quiz id, line, column) of every quiz marker in ``text``, lines counted from ``first_line``."""
    if "<!--" not in text:
        return []
    return [(m.group(1), i, m.start() + 1) for i, line in enumerate(text.split("\n"), first_line)
            if "<!--" in line for m in QUIZ.finditer(line)]
