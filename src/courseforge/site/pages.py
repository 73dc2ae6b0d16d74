"""A page's course parts: what goes into its Markdown before MkDocs converts it, and into its HTML after.

Before: the home page gets the progress panel's marker (where the author put
it, else after the introduction) and a module page a slot at its end for the
module's quizzes that no marker placed. After: each marker is replaced by its
quiz, the slot by the quizzes left, the panels by their HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable, Protocol

from .. import markers
from ..quiz.model import Quiz


class PageFile(Protocol):
    """A page or file of the built site, as the site generator (MkDocs' ``File``) gives it."""

    src_uri: str
    url: str
    abs_src_path: str | None  # its file, if it has one

    def url_relative_to(self, other: PageFile) -> str: ...


class SiteFiles(Protocol):
    """The site's files, as the site generator (MkDocs' ``Files``) gives them."""

    def documentation_pages(self) -> list[PageFile]: ...

    def get_file_from_path(self, path: str) -> PageFile | None: ...


@dataclass
class PageMarkers:
    """The quiz markers of one page's Markdown (its source without the front matter), in page order."""

    found: list[tuple[str, int]]  # (quiz id, line in the Markdown)

    @property
    def ids(self) -> list[str]:
        return [quiz_id for quiz_id, _ in self.found]


def insert_before_sections(markdown: str, marker: str) -> str:
    """Put a block marker after the page's introduction: before its first "## " heading, or at the end."""
    m = re.search(r"^##[ \t]", markdown, re.M)
    if m is None:
        return f"{markdown.rstrip()}\n\n{marker}\n"
    return f"{markdown[:m.start()]}{marker}\n\n{markdown[m.start():]}"


def front_matter_lines(source: str | None) -> int:
    """Lines the front matter took in a page's source, so marker line numbers match the file."""
    if not source:
        return 0
    m = re.match(r"^---\s*\n.*?\n(?:---|\.\.\.)\s*\n", source, re.S)
    return source.count("\n", 0, m.end()) if m else 0


def read_source(path: str | None) -> str | None:
    """A page's source as the site generator reads it; None if it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")  # type: ignore[arg-type]
    except (OSError, TypeError, ValueError):
        return None


def page_markers(markdown: str) -> PageMarkers:
    return PageMarkers([(quiz_id, line) for quiz_id, line, _ in markers.quiz_markers(markdown)])


def with_slots(markdown: str, *, progress: bool, module_id: str | None) -> str:
    """The page's Markdown with the progress panel's marker (``progress``) and its module's quiz slot."""
    if progress and markers.PROGRESS not in markdown:
        markdown = insert_before_sections(markdown, markers.PROGRESS)
    if module_id:
        markdown = markdown.rstrip("\n") + f"\n\n{markers.slot_marker(module_id)}\n"
    return markdown


def slot_quizzes(quizzes_of: Callable[[str], list[Quiz]], module_id: str, marked: list[str]) -> list[Quiz]:
    """The module's quizzes that no marker on its page placed."""
    return [q for q in quizzes_of(module_id) if q.id not in set(marked)]


def quizzes_in(html: str, marked: list[str], quiz: Callable[[str], Quiz | None],
               quizzes_of: Callable[[str], list[Quiz]]) -> list[tuple[int, Quiz]]:
    """(position, quiz) for every quiz a page's HTML shows, in page order."""
    found = [(m.start(), quiz(m.group(1))) for m in markers.placed(html, marked)]
    for m in markers.SLOT.finditer(html):
        found += [(m.start(), q) for q in slot_quizzes(quizzes_of, m.group(1), marked)]
    return sorted(((at, q) for at, q in found if q is not None), key=lambda x: x[0])


def module_pages(pages: list[PageFile]) -> dict[str, PageFile]:
    """Module id -> its page: the first page named after it, as a search in page order would find."""
    out: dict[str, PageFile] = {}
    for f in pages:
        out.setdefault(PurePosixPath(f.src_uri).stem, f)
    return out
