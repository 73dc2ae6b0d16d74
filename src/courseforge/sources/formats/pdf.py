"""PDF → seed text, from the text layer (pypdf), with the page furniture removed.

pypdf hands over every piece of text with its position and font size. From
those, per page: lines (a new line where pypdf starts one), then paragraphs
(a gap between two lines clearly larger than the page's usual line spacing,
or a change of font size, ends a paragraph). Then, over the whole document:

* running headers and footers go: a line at the top or bottom of a page that
  repeats (digits aside) on at least half the pages, and page numbers
  ("12", "- 12 -", "Page 12", "12 of 40", "12/40") at the top or bottom;
* footnote markers go: digits in a clearly smaller font raised above the
  line become ``<sup>N</sup>``, which the cleaner removes; footnote texts (a
  small-font block at the bottom of a page that starts with its number)
  become ``<sup>N</sup> text`` paragraphs, so they are kept like the seeds'
  footnotes, after the paragraph the page ended with;
* a word hyphenated at a line end is rejoined ("han-" / "dled" → "handled");
* a paragraph cut by a page break (it ends without a full stop and the next
  page goes on in lowercase) is rejoined;
* text in a clearly larger font than the body becomes a Markdown heading.

Lines keep their breaks inside a paragraph, so list markers ("1.", "(a)")
at a line start still start their own paragraph in :mod:`..paragraphs`.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import DocumentInfo, FormatError, drop_footnote_markers

_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|p\.|pg\.?)\s*)?[-–—(\[]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/|sur|de)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_FOOTNOTE_START = re.compile(r"^\s*(?:<sup>)?(\d{1,3})(?:</sup>)?[.)]?\s+(\S.*)$")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_GOES_ON_WITH_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*(?![.)])(?:\s|[,;:]|$)")
FURNITURE_LINES = 2  # lines at the top and at the bottom of a page that may be headers or footers
PARAGRAPH_GAP = 1.4  # a gap this many times the usual line spacing ends a paragraph
SMALL = 0.85  # a font this much smaller than the body is a footnote's or a marker's
LARGE = 1.15  # a font this much larger than the body is a heading's


@dataclass
class Line:
    text: str
    y: float
    size: float
    x: float = 0.0


@dataclass
class Block:
    lines: list[str]
    size: float
    top: float
    kind: str = "text"  # "text" | "heading" | "footnote"
    level: int = 0


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)


def _open(path: Path):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-but-readable files warn on every object
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # an owner password alone still lets anyone read
            except Exception:  # noqa: BLE001 - pypdf raises several kinds for ciphers it cannot do
                opened = 0
            if not opened:
                raise FormatError("is password-protected; open it with its password and save an "
                                  "unprotected copy (or export it as text), then use that file")
        len(reader.pages)  # a damaged file often fails only here
        return reader
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise FormatError(f"is not a readable PDF (damaged, or not a PDF at all: {exc}); open it in a PDF "
                          "reader and save or print it to a new PDF, then use that file") from None


def _size(font_size: float, cm, tm) -> float:
    scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
    return abs(font_size * (scale or 1.0))


def _page_lines(page) -> list[Line]:
    """The page's lines in pypdf's reading order, each with its baseline and main font size."""
    lines: list[Line] = []
    parts: list[tuple[str, float, float]] = []  # (text, y, size) of the current line
    x0 = [0.0]

    def flush() -> None:
        text_parts = [p for p in parts if p[0].strip()]
        if text_parts:
            sizes = Counter()
            for t, _, s in text_parts:
                sizes[round(s, 1)] += len(t.strip())
            body = sizes.most_common(1)[0][0]
            base = next(y for t, y, s in text_parts if round(s, 1) == body)
            out = []
            for t, y, s in parts:
                if s < body * SMALL and y > base + 0.5 and t.strip().isdigit():
                    out.append(f"<sup>{t.strip()}</sup>")  # a raised small number: a footnote marker
                else:
                    out.append(t)
            text = "".join(out)
            if text.strip():
                lines.append(Line(text.strip(), base, body, x0[0]))
        parts.clear()

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        size = _size(font_size, cm, tm)
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                flush()
            if piece:
                if not parts:
                    x0[0] = x
                parts.append((piece, y, size))

    try:
        page.extract_text(visitor_text=visit)
    except Exception as exc:  # noqa: BLE001 - a damaged content stream: say which page
        raise FormatError(f"page {page.page_number + 1 if page.page_number is not None else '?'} cannot be "
                          f"read ({type(exc).__name__}); save or print the file to a new PDF") from None
    flush()
    return lines


def _norm(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def remove_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Running headers and footers, and page numbers, off every page.

    A header is one of a page's first lines, a footer one of its last, that
    recurs (digits aside) at the same end of at least half the pages and does
    not end like a sentence: a sentence that happens to open every page stays.
    """
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    for lines in pages:
        tops.update({_norm(l.text) for l in lines[:FURNITURE_LINES]})
        bottoms.update({_norm(l.text) for l in lines[-FURNITURE_LINES:]})
    need = max(2, math.ceil(len(pages) / 2))

    def furniture(line: Line, counts: Counter[str]) -> bool:
        if _PAGE_NUMBER.match(line.text):
            return True
        return len(pages) >= 2 and counts[_norm(line.text)] >= need and not _SENTENCE_END.search(line.text)

    out = []
    for lines in pages:
        keep = list(lines)
        for _ in range(FURNITURE_LINES):
            if keep and furniture(keep[0], tops):
                keep.pop(0)
        for _ in range(FURNITURE_LINES):
            if keep and furniture(keep[-1], bottoms):
                keep.pop()
        out.append(keep)
    return out


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for l in lines:
            sizes[round(l.size, 1)] += len(l.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _blocks(lines: list[Line], body: float, heading_sizes: list[float]) -> list[Block]:
    """One page's lines grouped into paragraphs, headings and footnotes."""
    gaps = [a.y - b.y for a, b in zip(lines, lines[1:])
            if abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and a.y > b.y]
    spacing = statistics.median(gaps) if gaps else body * 1.2
    blocks: list[Block] = []
    in_notes = False  # once a footnote starts at the page bottom, small lines after it are notes
    for i, line in enumerate(lines):
        small = line.size < body * SMALL
        large = line.size > body * LARGE
        prev = lines[i - 1] if i else None
        starts_note = small and bool(_FOOTNOTE_START.match(line.text)) and _only_small_below(lines, i, body)
        if starts_note:
            in_notes = True
            m = _FOOTNOTE_START.match(line.text)
            blocks.append(Block([f"<sup>{m.group(1)}</sup> {m.group(2)}"], line.size, line.y, "footnote"))
            continue
        if in_notes and small and blocks:
            blocks[-1].lines.append(line.text)
            continue
        in_notes = False
        new = (
            prev is None
            or not blocks
            or abs(line.size - blocks[-1].size) > 0.5
            or prev.y - line.y > spacing * PARAGRAPH_GAP
            or prev.y < line.y  # went up: a new column or a text box
        )
        if new:
            kind, level = "text", 0
            if large and len(line.text) <= 150:
                kind = "heading"
                level = 1 + next((k for k, s in enumerate(heading_sizes) if line.size >= s - 0.5), len(heading_sizes))
            blocks.append(Block([line.text], line.size, line.y, kind, min(level, 3)))
        elif blocks[-1].kind == "heading":
            blocks[-1].lines[-1] += " " + line.text  # a heading on two lines is one heading
        else:
            blocks[-1].lines.append(line.text)
    return blocks


def _only_small_below(lines: list[Line], i: int, body: float) -> bool:
    return all(l.size < body * SMALL for l in lines[i:])


def dehyphenate(lines: list[str]) -> list[str]:
    """ "han-" then "dled ..." → "handled ..."; a soft hyphen (U+00AD) at a line end likewise."""
    out: list[str] = []
    for line in lines:
        line = line.replace("\u00ad ", "").replace("\u00ad", "") if "\u00ad" in line and not line.endswith("\u00ad") else line
        if out and (out[-1].endswith("\u00ad") or (_HYPHENATED.search(out[-1]) and line[:1].islower())):
            first, _, rest = line.partition(" ")
            out[-1] = out[-1].rstrip("-\u00ad") + first
            if rest:
                out.append(rest)
            continue
        out.append(line)
    return out


def _continues(prev: Block, nxt: Block) -> bool:
    """A paragraph cut by a page break: no full stop, and the next page goes on in lowercase."""
    if prev.kind != "text" or nxt.kind != "text":
        return False
    last, first = prev.lines[-1], nxt.lines[0]
    if _SENTENCE_END.search(last):
        return False
    # lowercase or a figure ("... within" / "24 days."), but not a new numbered paragraph ("24. The ...")
    return first[:1].islower() or bool(_HYPHENATED.search(last)) or bool(_GOES_ON_WITH_NUMBER.match(first))


def to_text(pages: list[list[Line]]) -> str:
    """Pages of lines → seed text."""
    pages = remove_furniture(pages)
    body = _body_size(pages)
    larger = sorted({round(l.size, 1) for p in pages for l in p if l.size > body * LARGE}, reverse=True)
    blocks: list[Block] = []
    notes: list[Block] = []  # footnotes wait until the paragraph the page ended with is complete
    for lines in pages:
        page_blocks = _blocks(lines, body, larger)
        text_blocks = [b for b in page_blocks if b.kind != "footnote"]
        if blocks and text_blocks and _continues(blocks[-1], text_blocks[0]):
            blocks[-1].lines.extend(text_blocks.pop(0).lines)
        if notes and (text_blocks or not blocks):
            blocks.extend(notes)
            notes = []
        notes.extend(b for b in page_blocks if b.kind == "footnote")
        # the page's footnotes go right after its last paragraph, unless that one goes on
        last_open = bool(text_blocks) and text_blocks[-1].kind == "text" and not _SENTENCE_END.search(text_blocks[-1].lines[-1])
        blocks.extend(text_blocks)
        if not last_open:
            blocks.extend(notes)
            notes = []
    blocks.extend(notes)
    out = []
    for b in blocks:
        if b.kind == "heading":
            out.append("#" * b.level + " " + " ".join(b.lines))
        else:
            out.append("\n".join(dehyphenate(b.lines)))
    out = drop_footnote_markers(out)
    return "\n\n".join(out) + "\n" if out else ""


def read(path: Path) -> str:
    reader = _open(path)
    pages = [_page_lines(page) for page in reader.pages]
    text = to_text(pages)
    if not re.search(r"[^\W\d_]{2}", text):
        raise FormatError("has no text layer (a scanned document?): courseforge reads the text of a PDF, not "
                          "its images; run it through OCR (for example ocrmypdf) or save it as text, then use "
                          "that file")
    return text


def metadata(path: Path) -> DocumentInfo:
    reader = _open(path)
    try:
        meta = reader.metadata or {}
    except Exception:  # noqa: BLE001 - a damaged info dictionary says nothing
        meta = {}

    def get(key: str) -> str:
        value = meta.get(key)
        return " ".join(str(value).split()) if value else ""

    date = ""
    raw = get("/CreationDate") or get("/ModDate")
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", raw)
    if m:
        date = "-".join(g for g in m.groups() if g)
    return DocumentInfo(title=get("/Title"), issuer=get("/Author"), date=date, kind=get("/Subject"), file_date=True)
