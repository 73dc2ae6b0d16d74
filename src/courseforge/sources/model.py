"""The source model: what a quiz question or a module cites.

A :class:`Corpus` holds the seed documents listed in ``seeds/sources.yml``.
Paragraph ids are strings and stable: where a document numbers its own
paragraphs (the DESA note's 1-38 and its annex 1-12) the id is that number
(``"18"``, annex paragraphs ``"annex-6"``); elsewhere paragraphs are numbered
in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Diagnostic


@dataclass(frozen=True)
class SourceEntry:
    """One entry of ``seeds/sources.yml``."""

    id: str  # short and stable, e.g. "desa-2004-social-perspective"
    file: str  # file name inside seeds/
    title: str
    issuer: str
    date: str  # as precise as the document tells: "2004-01-16", "2007-2008", "c. 2006"
    kind: str  # "background note", "web page", "report", ...
    language: str = "en"
    line: int = field(default=0, compare=False)  # where the entry starts in sources.yml


@dataclass
class Paragraph:
    id: str
    text: str  # cleaned plain text (no markup, no footnote markers)
    section: str  # id of the Section it belongs to
    line: int = 0  # 1-based line of its first line in the seed file
    # The document's own marker for this paragraph as printed, without
    # punctuation: "18" (DESA paragraph 18), "ii" (an "(ii)" item), "1" (a
    # footnote's number); "" when the document prints none.
    label: str = ""
    # "paragraph" | "item" (a list item) | "footnote" | "front" (title-page
    # material before the first heading: issuer, date, authors).
    kind: str = "paragraph"


@dataclass
class Section:
    id: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    level: int = 1  # 1 = top-level heading, 2 = sub-heading, 3 = sub-sub-heading
    line: int = 0  # line of the heading in the seed file (0: the front section)


@dataclass
class Document:
    entry: SourceEntry
    sections: list[Section]
    # True when ids are the document's own numbers (paragraphs, articles,
    # operative paragraphs); False when they count paragraphs in reading order
    numbered: bool = False

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    def paragraph(self, para_id: str) -> Paragraph | None:
        for p in self.paragraphs:
            if p.id == para_id:
                return p
        return None


@dataclass
class Corpus:
    documents: list[Document]
    # Seed ids listed in sources.yml that could not be loaded (a broken entry,
    # an unreadable file) → the diagnostic saying why. A check that meets a
    # citation of one of these can point at that error instead of calling the
    # id unknown.
    unavailable: dict[str, Diagnostic] = field(default_factory=dict)

    def document(self, doc_id: str) -> Document | None:
        for d in self.documents:
            if d.id == doc_id:
                return d
        return None

    def paragraph(self, doc_id: str, para_id: str) -> Paragraph | None:
        doc = self.document(doc_id)
        return doc.paragraph(str(para_id)) if doc else None


def paragraph_anchor(doc_id: str, para_id: str) -> str:
    """The HTML id of a paragraph on the sources page (``sources.md``)."""
    return f"{doc_id}-{para_id}"
