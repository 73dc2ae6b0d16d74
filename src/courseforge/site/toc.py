"""Table-of-contents entries for what courseforge adds to a page: each quiz and the progress panel.

The entries are plain data; :func:`add_entries` puts them among the page's
heading links (any objects with ``id``, ``level`` and ``children``, as
MkDocs' ``AnchorLink``), through the ``link`` maker the site generator gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .. import markers
from ..quiz.model import Quiz


@dataclass(frozen=True)
class TocEntry:
    at: int  # where it sits in the page's HTML, to order it among the headings
    title: str
    anchor: str


def page_entries(html: str, quizzes: list[tuple[int, Quiz]], progress_title: str) -> list[TocEntry]:
    """An entry per quiz the page shows (``quizzes``: position, quiz) and one for the progress panel."""
    entries = [TocEntry(at, quiz.title, f"quiz-{quiz.id}") for at, quiz in quizzes]
    if markers.PROGRESS in html:
        entries.append(TocEntry(html.index(markers.PROGRESS), progress_title, "cf-progress-title"))
    return entries


def add_entries(items: list, html: str, entries: list[TocEntry], link: Callable[[str, str, int], Any]) -> None:
    """Insert ``entries`` as level-2 links among ``items``, each before the first heading below it.

    Under a page's single top heading, they go among its children.
    """
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    for e in sorted(entries, key=lambda e: e.at, reverse=True):
        before = sum(1 for item in parent if 0 <= html.find(f'id="{item.id}"') < e.at)
        parent.insert(before, link(e.title, e.anchor, 2))
