"""The markers a page's Markdown may hold, written and read in one place.

``<!-- quiz: ID -->`` places quiz ID there (a trainer writes it, the generator
writes it, ``check`` and the site read it: one grammar, so check and build
agree on which markers exist). The others are courseforge's own, placed by
the site build: a module page's slot for its unplaced quizzes, the home
page's progress panel and the certificate's form.

A quiz marker is such a comment outside code: one in a code span, a fenced
block (``` or ~~~) or an indented code block is an example of a marker, not
a marker. :func:`quiz_markers` finds them in a page's source; the build then
places exactly those in the page's HTML (:func:`placed`), where Markdown has
kept each of them as the comment it is.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Callable, Iterable

# An HTML comment anywhere in a line; Markdown keeps it as it is in the HTML, so the same
# pattern finds it in the page's source and in its rendered output.
QUIZ = re.compile(r"<!--\s*quiz:\s*([^\s>]*?)\s*-->")
SLOT = re.compile(r"<!-- quiz-slot: (\S+) -->")
PROGRESS = "<!-- course-progress -->"
CERTIFICATE = "<!-- course-certificate -->"

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def quiz_marker(quiz_id: str) -> str:
    return f"<!-- quiz: {quiz_id} -->"


def slot_marker(module_id: str) -> str:
    return f"<!-- quiz-slot: {module_id} -->"


def _outside_code(text: str) -> Iterable[tuple[int, str]]:
    """(index, line) of the lines outside code blocks, their code spans blanked (columns kept)."""
    fence = ""  # the fence that opened the block we are in
    blank_before, in_list = True, False
    for i, line in enumerate(text.split("\n")):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = ""
            continue
        if m:
            fence = m.group(1)
            continue
        if not line.strip():
            blank_before = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and blank_before and not in_list:
            continue  # an indented code block (inside a list, the same indent continues the item)
        if not indented:
            in_list = bool(_LIST_ITEM.match(line))
        blank_before = False
        yield i, _CODE_SPAN.sub(lambda c: " " * len(c.group(0)), line) if "`" in line else line


def quiz_markers(text: str, first_line: int = 1) -> list[tuple[str, int, int]]:
    """(quiz id, line, column) of every quiz marker in ``text``, lines counted from ``first_line``."""
    if "<!--" not in text:
        return []
    return [(m.group(1), i + first_line, m.start() + 1) for i, line in _outside_code(text)
            if "<!--" in line for m in QUIZ.finditer(line)]


def placed(html: str, ids: Iterable[str]) -> list[re.Match]:
    """The quiz markers in a page's HTML that are the markers ``ids`` (its source's, in order) name.

    A comment that the source's grammar does not count (one in a fence that this
    site's Markdown does not treat as code) stays a comment.
    """
    left = Counter(ids)
    if not left:  # most pages place no quiz by marker: no need to scan their HTML
        return []
    out = []
    for m in QUIZ.finditer(html):
        if left[m.group(1)] > 0:
            left[m.group(1)] -= 1
            out.append(m)
    return out


def replace_placed(html: str, ids: Iterable[str], html_of: Callable[[re.Match], str]) -> str:
    """``html`` with each marker :func:`placed` finds replaced by ``html_of(match)``."""
    parts, at = [], 0
    for m in placed(html, ids):
        parts += [html[at:m.start()], html_of(m)]
        at = m.end()
    return "".join(parts) + html[at:] if parts else html
