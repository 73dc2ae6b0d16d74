"""Seed text → sections → paragraphs with stable ids.

Reading a seed goes in four steps, each a pure function of the text, so the
same text always gives the same ids:

1. **Lines.** Boilerplate lines (share buttons, navigation, the footer link
   list after the last share line), table-of-contents lines and decoration are
   dropped; they separate blocks like blank lines do.
2. **Blocks.** Consecutive lines form one block (a soft-wrapped paragraph),
   except that a Markdown heading, a list item, a numbered line ("12. ..."),
   a lettered item ("(ii) ...") and a footnote text always start a new one.
   A block that ends without terminal punctuation and is continued, after
   blank lines (and possibly a lone page number), by a block starting with a
   lowercase letter is one paragraph split by a page break: the two are
   joined with a space.
3. **Headings.** A block is a heading when it is a single line of at most
   150 characters that does not end like a sentence (``.``, ``,``, ``;``,
   ``:``; ``?`` ends a sentence unless the line is numbered) and it is one of:
   a Markdown heading (``## 4 Migration and education``); a Roman-numbered
   heading (``II. Elements for ...``); ``Annex`` (a short line right after a
   bare "Annex" is its subtitle: "Annex. Summary of ..."); a numbered heading
   (``1. Public perception of migration and migrants``: a numbered line that
   is short and unpunctuated is a sub-heading, never a paragraph); a lettered
   heading (``(i) A decent work and sufficient income``); a dash item directly
   followed by prose (a web page's sub-heading, ``- UN Population
   Division``); or a plain line that is either the first block of the
   document with running text after it before the next sure heading (else
   it belongs to a title page: "WATER OFFICE / 22 March 2019 / I. ..."), or
   comes after a non-heading block and is directly followed by prose (80+
   characters ending like a sentence). A plain short line right after a
   heading is a by-line or subtitle and stays a paragraph. Heading text is kept, markup
   removed, as the section title; the section id is a slug of the title
   without its leading number (``public-perception-of-migration-and-migrants``),
   made unique with ``-2``, ``-3``.
4. **Paragraph ids** (strings, unique within a document):

   * Blocks before the first heading (issuer, date, authors: the title page)
     form the section ``front``, titled with the entry's title from
     sources.yml; their ids are ``front-1``, ``front-2``, ... in every
     document, so a title page never shifts the numbering of the text.
   * A document that numbers its own paragraphs (three or more "N. text"
     paragraphs, like the DESA note's 1-38) keeps those numbers: paragraph
     "18." has id ``"18"``. After an ``Annex`` heading numbers start again
     and take the prefix ``annex-`` (``annex-6``; "Annex II" gives
     ``annex-ii-6``). A block without a number belongs to the numbered
     paragraph before it: a lettered item "(iii) ..." after paragraph 37 is
     ``37-iii``; any other block (a bullet, an unnumbered sentence) gets the
     next letter: ``33-a``, ``33-b``, ``annex-7-a``. Where no numbered
     paragraph precedes it in its part, the section id stands in
     (``introduction-a``). A number that repeats without an annex between
     is prefixed by its section id.
   * Every other document is numbered in reading order: ``"1"``, ``"2"``,
     ... over all paragraphs, list items and footnotes after the front
     section. Numbers the document prints (UNESCO's "- 1**" markers) are
     kept in :attr:`Paragraph.label`, not used as ids, because that
     document numbers sections, not paragraphs.

Each paragraph records the 1-based line of its first line in the seed
(``line``), its printed marker without punctuation (``label``) and its
``kind``: "paragraph", "item", "footnote" or "front".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from . import clean
from .model import Paragraph, Section

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$", re.DOTALL)
_LETTERED = re.compile(r"^\(([ivxlc]{1,6}|[a-z])\)\s+(\S.*)$", re.DOTALL)
_ROMAN = re.compile(r"^([IVXLC]{1,6})\.\s+(\S.*)$")
_ANNEX = re.compile(r"^(annex|annexe|appendix)(?:\s+([A-Z0-9]{1,6}))?\s*\.?$", re.IGNORECASE)
_LONE_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$")
_SENTENCE_END = ".,;:!?"
_CLOSERS = "\"'”’)]»"

MAX_HEADING = 150
PROSE = 80  # a block this long is running text
FOOTER_MAX_LINES = 5


@dataclass
class Block:
    line: int
    lines: list[str]  # entity-decoded raw lines
    start: str  # "md" | "list" | "footnote" | "plain"
    md_level: int = 0
    marker_label: str = ""  # from "- 1**" or a footnote's number
    text: str = ""  # cleaned text, markers still in front for plain blocks
    # filled by classification
    role: str = ""  # "heading" | "paragraph" | "item" | "footnote"
    level: int = 1
    label: str = ""
    number: str = ""  # the document's own paragraph number, if any
    title: str = ""  # for headings
    style: str = ""  # heading style: md, roman, annex, numbered, lettered, dash, plain
    annex: str | None = None


@dataclass
class ParsedDocument:
    sections: list[Section] = field(default_factory=list)
    numbered: bool = False  # True when ids are the document's own numbers


def slugify(text: str, max_len: int = 60) -> str:
    """ASCII slug: "(ii) A clear and secure legal status" → "a-clear-and-secure-legal-status"."""
    text = re.sub(r"^\s*(?:\(?[ivxlcIVXLC]{1,6}[.)]|\d{1,3}[.)]?|\([a-z]\))\s+", "", text)
    text = re.sub(r"['’]", "", text)  # "UNESCO's" → "unescos", not "unesco-s"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_len:
        cut = slug[:max_len]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


def _ends_sentence(text: str, allow_question: bool = False) -> bool:
    t = text.rstrip().rstrip(_CLOSERS).rstrip()
    if not t:
        return False
    ends = _SENTENCE_END.replace("?", "") if allow_question else _SENTENCE_END
    return t[-1] in ends


def _short_single(b: Block, allow_question: bool = False) -> bool:
    return len(b.lines) == 1 and 0 < len(b.text) <= MAX_HEADING and not _ends_sentence(b.text, allow_question)


# --- step 1 and 2: lines → blocks -------------------------------------------------


def _content_lines(raw: str) -> list[tuple[int, str | None]]:
    """(line number, decoded line) for every line; None marks a separator
    (blank, boilerplate, contents, decoration)."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[tuple[int, str | None]] = []
    last_share = -1
    for i, line in enumerate(lines):
        line = line.replace("\f", "").replace("\ufeff", "")
        dec = clean.strip_blockquote(clean.decode_entities(line))
        if not dec.strip():
            out.append((i + 1, None))
        elif clean.is_share_line(dec):
            last_share = i
            out.append((i + 1, None))
        elif clean.is_nav_only(dec) or clean.is_decoration(dec) or clean.is_toc_title(dec) or clean.is_toc_line(dec):
            out.append((i + 1, None))
        else:
            out.append((i + 1, dec))
    # A web page's footer link list: after the last share line, up to a few
    # lines, none of which ends a sentence.
    if last_share >= 0:
        tail = [(n, t) for n, t in out[last_share + 1:] if t is not None]
        if len(tail) <= FOOTER_MAX_LINES and all(not _ends_sentence(clean.clean_inline(t)) for _, t in tail):
            out = out[: last_share + 1] + [(n, None) for n, _ in out[last_share + 1:]]
    return out


# cheap test on the raw line before cleaning it: markup, then "12." or "(ii)"
_MAYBE_NUMBERED = re.compile(r"^[\s*_#]*(?:\d{1,3}\.|\([ivxlca-z]{1,6}\))")


def _starts_block(line: str) -> bool:
    if clean.md_heading(line) or clean.list_marker(line) or clean.footnote_line_number(line):
        return True
    if not _MAYBE_NUMBERED.match(line):
        return False
    text = clean.clean_inline(line)
    return bool(_NUMBERED.match(text) or _LETTERED.match(text))


def _blocks(raw: str) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    for no, line in _content_lines(raw):
        if line is None:
            current = None
            continue
        if current is not None and current.start != "md" and not _starts_block(line):
            current.lines.append(line)
            continue
        md = clean.md_heading(line)
        if md:
            current = Block(no, [line], "md", md_level=md[0])
        elif clean.footnote_line_number(line):
            current = Block(no, [line], "footnote", marker_label=clean.footnote_line_number(line) or "")
        elif clean.list_marker(line):
            current = Block(no, [line], "list", marker_label=clean.list_marker(line)[1])
        else:
            current = Block(no, [line], "plain")
        blocks.append(current)
    return blocks


def _block_text(b: Block, footnotes: frozenset[str]) -> str:
    parts = []
    for i, line in enumerate(b.lines):
        if i == 0:
            if b.start == "md":
                line = clean.md_heading(line)[1]
            elif b.start == "list":
                line = clean.list_marker(line)[2]
            elif b.start == "footnote":
                line = clean.strip_footnote_line_marker(line)
        parts.append(clean.clean_inline(line, footnotes))
    return clean.collapse_spaces(" ".join(p for p in parts if p))


def _join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Rejoin a paragraph that a page break cut in two (one pass, so a
    paragraph spread over three pages is rejoined too)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if out and _continues(out[-1], b):
            _merge(out[-1], b)
            i += 1
            continue
        # a lone page number between the two halves
        if out and i + 1 < len(blocks) and b.start == "plain" and _LONE_PAGE_NUMBER.match(b.text) \
                and _continues(out[-1], blocks[i + 1]):
            _merge(out[-1], blocks[i + 1])
            i += 2
            continue
        out.append(b)
        i += 1
    return out


def _merge(into: Block, b: Block) -> None:
    into.lines.extend(b.lines)
    into.text = clean.collapse_spaces(into.text + " " + b.text)


def _continues(prev: Block, nxt: Block) -> bool:
    if prev.start in ("md",) or nxt.start != "plain":
        return False
    if len(prev.text) < 60 or _ends_sentence(prev.text):
        return False
    first = nxt.text[:1]
    return first.isalpha() and first.islower() and not _NUMBERED.match(nxt.text) and not _LETTERED.match(nxt.text)


# --- step 3: headings ------------------------------------------------------------


def _prose(b: Block) -> bool:
    """Running text: long, and ends like a sentence."""
    return len(b.text) >= PROSE and _ends_sentence(b.text)


def _prose_before_next_heading(blocks: list[Block], i: int) -> bool:
    """Does running text follow block ``i`` before the next sure heading?
    (A document's first short line is its title only if text follows it;
    "WATER OFFICE / 22 March 2019 / I. Introduction" is a title page.)"""
    for b in blocks[i + 1:]:
        t = b.text
        if b.start == "md" or (b.start == "plain" and len(b.lines) == 1 and (
            (_ROMAN.match(t) and _short_single(b)) or _ANNEX.match(t) or (_NUMBERED.match(t) and _short_single(b, True))
        )):
            return False
        if _prose(b) or (b.start == "plain" and _NUMBERED.match(t)):
            return True
    return False


def _classify(blocks: list[Block]) -> None:
    md_levels = [b.md_level for b in blocks if b.start == "md"]
    md_base = min(md_levels) - 1 if md_levels else 0
    has_roman = any(b.start == "plain" and _ROMAN.match(b.text) and _short_single(b) for b in blocks)
    last_heading_level = 0
    for i, b in enumerate(blocks):
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        nxt_prose = nxt is not None and nxt.start in ("plain", "footnote") and _prose(nxt)
        # a footnote between a by-line and the text does not count
        if nxt is not None and nxt.start == "footnote" and i + 2 < len(blocks):
            nxt_prose = _prose(blocks[i + 2])
        t = b.text
        if b.start == "md":
            b.role, b.style, b.title = "heading", "md", t
            b.level = max(1, min(3, b.md_level - md_base))
        elif b.start == "footnote":
            b.role, b.label = "footnote", b.marker_label
        elif b.start == "list":
            if not b.marker_label and _short_single(b) and nxt_prose and nxt.start == "plain":
                b.role, b.style, b.title = "heading", "dash", t
                b.level = min(3, last_heading_level + 1)  # under the last non-dash heading
            else:
                b.role, b.label = ("paragraph" if b.marker_label else "item"), b.marker_label
                m = _NUMBERED.match(t)
                if not b.marker_label and m:  # "- 3. text"
                    b.label, b.text = m.group(1), m.group(2)
        elif (m := _ANNEX.match(t)) and len(b.lines) == 1:
            b.role, b.style, b.title, b.level = "heading", "annex", t, 1
            b.annex = "annex" + (f"-{m.group(2).lower()}" if m.group(2) else "")
        elif _ROMAN.match(t) and _short_single(b):
            b.role, b.style, b.title, b.level = "heading", "roman", t, 1
        elif (m := _NUMBERED.match(t)):
            if _short_single(b, allow_question=True):
                b.role, b.style, b.title = "heading", "numbered", t
                b.level = 2 if has_roman else 1
            else:
                b.role, b.number, b.label, b.text = "paragraph", m.group(1), m.group(1), m.group(2)
        elif (m := _LETTERED.match(t)):
            if _short_single(b):
                b.role, b.style, b.title = "heading", "lettered", t
                b.level = 3 if has_roman else 2
            else:
                b.role, b.label, b.text = "item", m.group(1), m.group(2)
        elif _short_single(b) and (
            (prev is None and _prose_before_next_heading(blocks, i)) or (prev is not None and prev.role != "heading" and nxt_prose)
        ):
            b.role, b.style, b.title, b.level = "heading", "plain", t, 1
        elif prev is not None and prev.role == "heading" and prev.style == "annex" and prev.title == prev.text \
                and _short_single(b) and not _NUMBERED.match(t):
            # "Annex" + its subtitle on the next line: one title
            prev.title = f"{prev.title.rstrip('.')}. {t}"
            b.role = "absorbed"
        else:
            b.role = "paragraph"
        if b.role == "heading" and b.style != "dash":
            last_heading_level = b.level


# --- step 4: sections and ids ----------------------------------------------------


def parse_document(raw: str, title: str = "") -> ParsedDocument:
    """Structure of one seed's text; ``title`` names the front section."""
    blocks = _blocks(raw)
    footnotes = frozenset(b.marker_label for b in blocks if b.start == "footnote")
    for b in blocks:
        b.text = _block_text(b, footnotes)
    blocks = [b for b in blocks if b.text]
    blocks = _join_page_breaks(blocks)
    _classify(blocks)
    blocks = [b for b in blocks if b.role != "absorbed"]

    numbered = sum(1 for b in blocks if b.role == "paragraph" and b.number) >= 3
    if not numbered:
        for b in blocks:
            if b.number:  # a few "N. text" lines: keep the number as a label only
                b.number = ""
    doc = ParsedDocument(numbered=numbered)
    used_sections: set[str] = set()
    used_ids: set[str] = set()
    section: Section | None = None
    front_section: Section | None = None
    reading = 0
    front = 0
    prefix = ""
    anchor = ""  # id of the numbered paragraph unnumbered blocks attach to
    letters: dict[str, int] = {}  # letters used per owner id

    def unique(base: str, used: set[str]) -> str:
        out, n = base, 2
        while out in used:
            out, n = f"{base}-{n}", n + 1
        used.add(out)
        return out

    for b in blocks:
        if b.role == "heading":
            sid = unique(slugify(b.title) or f"section-{len(doc.sections) + 1}", used_sections)
            section = Section(id=sid, title=b.title, level=b.level, line=b.line)
            doc.sections.append(section)
            if b.annex:
                prefix, anchor = b.annex + "-", ""
            continue
        if section is None:
            used_sections.add("front")
            section = front_section = Section(id="front", title=title or "Front matter", level=1, line=0)
            doc.sections.append(section)
        kind = {"footnote": "footnote", "item": "item"}.get(b.role, "paragraph")
        if section is front_section:
            front += 1
            pid, kind = unique(f"front-{front}", used_ids), ("footnote" if kind == "footnote" else "front")
        elif numbered:
            if b.number:
                base = prefix + b.number
                pid = unique(base if base not in used_ids else f"{section.id}-{base}", used_ids)
                anchor = pid
            else:
                owner = anchor or section.id
                if kind == "item" and b.label and not b.label.isdigit():
                    pid = unique(f"{owner}-{b.label}", used_ids)
                else:
                    letters[owner] = letters.get(owner, 0) + 1
                    pid = unique(f"{owner}-{_letter(letters[owner])}", used_ids)
        else:
            reading += 1
            pid = unique(str(reading), used_ids)
        section.paragraphs.append(Paragraph(id=pid, text=b.text, section=section.id, line=b.line, label=b.label, kind=kind))
    return doc


def _letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s
