"""Documents as they come (PDF, Word, web pages) turned into seed text.

Each format has its own module with ``read(path) -> str`` (the text the seed
pipeline, :mod:`..clean` and :mod:`..paragraphs`, already understands:
Markdown headings, one paragraph per block separated by blank lines, list
markers "1." / "(a)" / "-" kept at the start of their lines, footnote texts
as ``<sup>N</sup> text``) and ``metadata(path) -> DocumentInfo`` (what the
file says about itself, for ``courseforge new``). Plain text and Markdown
need no conversion and are read by :mod:`..ingest` directly.

A file that cannot be read (a scanned PDF without a text layer, a
password-protected or damaged file) raises :class:`FormatError` with a
message for the trainer; the caller names the file.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

# extension -> module of this package
READERS = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
TEXT_FORMATS = (".txt", ".md")
SUPPORTED = TEXT_FORMATS + tuple(READERS)
# A binary document is larger than its text: a 200-page PDF with figures can
# weigh 20 MB for 1 MB of text.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class FormatError(ValueError):
    """A document that cannot be turned into text; the message says why and what to do."""


@dataclass
class DocumentInfo:
    """What a document says about itself; "" where it says nothing."""

    title: str = ""
    issuer: str = ""
    date: str = ""
    kind: str = ""
    # the date is only when the file was made (PDF, Word), not when the document was issued
    file_date: bool = False


def _module(path: Path):
    name = READERS.get(Path(path).suffix.lower())
    if name is None:
        raise FormatError(f"unsupported format {Path(path).suffix or '(no extension)'}")
    # imported only when a course has such a file, so a text-only course never pays for pypdf
    return importlib.import_module(f"{__name__}.{name}")


def _check_size(path: Path) -> None:
    size = Path(path).stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise FormatError(f"file is {size:,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte limit for a document")


def read_document(path: str | Path) -> str:
    """The seed text of a PDF, Word or HTML document."""
    path = Path(path)
    _check_size(path)
    return _module(path).read(path)


def document_metadata(path: str | Path) -> DocumentInfo:
    """The document's own title, author, date and kind, where it records them."""
    path = Path(path)
    _check_size(path)
    return _module(path).metadata(path)


_NOTE_TEXT = re.compile(r"^<sup>(\d{1,3})</sup>\s")
_MARKER = re.compile(r"<sup>(\d{1,3})</sup>")


def drop_footnote_markers(blocks: list[str]) -> list[str]:
    """Remove the markers of footnotes the document has (``2023<sup>1</sup>`` → ``2023``).

    The cleaner alone must read a digit superscript right after a digit as a
    power (``10<sup>6</sup>``); a reader that has the footnote's own text
    knows better.
    """
    notes = {m.group(1) for b in blocks if (m := _NOTE_TEXT.match(b))}
    if not notes:
        return blocks
    return [b if _NOTE_TEXT.match(b) else _MARKER.sub(lambda m: "" if m.group(1) in notes else m.group(0), b)
            for b in blocks]
