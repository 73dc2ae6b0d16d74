"""Load the course's seed documents: ``seeds/sources.yml`` + the files it lists.

This is the I/O edge of :mod:`courseforge.sources`; cleaning and structure
are pure functions in :mod:`.clean` and :mod:`.paragraphs`. Problems come
back as diagnostics (paths relative to the course root), never as
tracebacks: a broken entry or an unreadable file is left out of the corpus
and named, the rest still loads.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, display_path
from ..fsutil import read_text_limited
from .catalog import _split_line, load_catalog
from .formats import READERS, FormatError, read_document
from .model import Corpus, Document
from .paragraphs import parse_document
from .stable import read_registry, stabilise

MAX_SEED_BYTES = 5 * 1024 * 1024  # a 200-page report as text is ~1 MB
SOURCES_FILE = "sources.yml"


def load_corpus(seeds_dir: Path, root: Path | None = None) -> tuple[Corpus, list[Diagnostic]]:
    """Read ``seeds_dir/sources.yml`` and every document it lists.

    ``root`` is the course root messages are relative to (default: the folder
    holding ``seeds_dir``). Returns the documents that loaded and every
    problem found; warnings (severity "warning") do not stop a course.
    """
    seeds_dir = Path(seeds_dir)
    root = Path(root) if root is not None else seeds_dir.parent
    catalog = load_catalog(seeds_dir / SOURCES_FILE, seeds_dir, root)
    entries, diags, unavailable = catalog.entries, catalog.diagnostics, dict(catalog.broken)
    records = read_registry(root)  # ids given before, kept through a trainer's edits
    documents: list[Document] = []
    for entry in entries:
        path = seeds_dir / entry.file
        rel = display_path(path, root)
        disguised = _disguised_format(path) if path.suffix.lower() not in READERS else None
        if disguised:
            diags.append(Diagnostic(rel, 0, 0, disguised))
            unavailable[entry.id] = diags[-1]
            continue
        try:
            text = read_document(path) if path.suffix.lower() in READERS else read_text_limited(path, MAX_SEED_BYTES)
        except FormatError as exc:
            diags.append(Diagnostic(rel, 0, 0, str(exc)))
            unavailable[entry.id] = diags[-1]
            continue
        except ValueError as exc:
            line, message = _split_line(str(exc))
            diags.append(Diagnostic(rel, line, 0, message))
            unavailable[entry.id] = diags[-1]
            continue
        except OSError as exc:
            diags.append(Diagnostic(rel, 0, 0, f"cannot be read: {exc.strerror or exc}"))
            unavailable[entry.id] = diags[-1]
            continue
        parsed = parse_document(text, entry.title)
        doc = Document(entry=entry, sections=parsed.sections, numbered=parsed.numbered)
        doc = stabilise(doc, records.get(entry.id))
        if not doc.paragraphs:
            diags.append(Diagnostic(rel, 0, 0, "no paragraphs found; quizzes cannot cite this document", "warning"))
        documents.append(doc)
    if catalog.files is not None:  # an unreadable sources.yml: its own error says enough
        diags.extend(_unlisted(seeds_dir, catalog.files, root))
    return Corpus(documents, unavailable), diags


# What a trainer may have saved under a .txt or .md name by mistake, told
# apart by its first bytes, so the message says what to do instead of only
# "not valid UTF-8".
_MAGIC = (
    (b"%PDF", "is a PDF file, not text; name it {stem}.pdf (and list that name in seeds/sources.yml): courseforge reads PDFs"),
    (b"PK\x03\x04", "is a Word/OpenDocument (zip) file, not text; if it is a Word document, name it {stem}.docx (and list "
                    "that name in seeds/sources.yml); otherwise save it as Word (.docx) or plain text (.txt)"),
    (b"\xd0\xcf\x11\xe0", "is an old Word (.doc) file, not text; in the word processor use 'Save as' plain text (.txt), UTF-8"),
    (b"{\\rtf", "is a Rich Text (RTF) file, not plain text; save it as plain text (.txt), UTF-8"),
    (b"\xff\xfe", "is saved as UTF-16; save it again as UTF-8 (in Notepad: 'Save as', Encoding: UTF-8)"),
    (b"\xfe\xff", "is saved as UTF-16; save it again as UTF-8 (in Notepad: 'Save as', Encoding: UTF-8)"),
)


def _disguised_format(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return None  # read_text_limited reports it
    for magic, message in _MAGIC:
        if head.startswith(magic):
            return message.format(stem=path.stem)
    return None


def _unlisted(seeds_dir: Path, listed: set[str], root: Path) -> list[Diagnostic]:
    """A file in seeds/ that sources.yml does not list is probably a forgotten entry."""
    if not seeds_dir.is_dir():
        return []
    out = []
    for path in sorted(seeds_dir.iterdir()):
        name = path.name
        if not path.is_file() or name.startswith(".") or name == SOURCES_FILE or name.lower().startswith("readme"):
            continue
        if name not in listed:
            out.append(Diagnostic(display_path(path, root), 0, 0, f"not listed in seeds/{SOURCES_FILE}, so it is not used; add an entry for it or move it out of seeds/", "warning"))
    return out
