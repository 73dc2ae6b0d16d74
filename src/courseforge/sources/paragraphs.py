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

Conventions, laws and resolutions (see :func:`structure_mode`) are read by
their own structure instead: "PART II", "Chapter 4", "Article 3" / "Art. 3"
lines are headings (a title line right after "Article 3" is the article's
title, unless it is the article's only text); inside them no short numbered
or lettered line is ever a heading; and ids come from the document's own
numbering, each article starting afresh (:func:`_structured_ids`):
``article-37``, ``article-37-2``, ``article-37-c``, ``preamble-3``, ``op-12``.

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
# Structured texts (conventions, laws, resolutions). An article or part line
# stands alone or has a title after a separator ("Article 3: Definitions");
# "Article 12 of the Convention provides ..." at the start of a wrapped line
# has no separator, so it stays prose.
_ARTICLE = re.compile(r"^(?:Article|ARTICLE|Art\.)\s+(\d{1,3}[a-z]?|[IVXLC]{1,7})(?:\s*$|\s*[.:\u2013\u2014-]\s*(\S.*)$)")
_PART = re.compile(r"^(Part|PART|Chapter|CHAPTER|Section|SECTION|Book|BOOK)\s+(\d{1,3}|[IVXLC]{1,7}|[A-Z]|one|two|three|four|five|"
                   r"six|seven|eight|nine|ten|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|One|Two|Three|Four|"
                   r"Five|Six|Seven|Eight|Nine|Ten)(?:\s*$|\s*[.:\u2013\u2014-]\s*(\S.*)$)")
_PREAMBLE_TITLE = re.compile(r"^preamble\s*[.:]?$", re.IGNORECASE)
# How preambular paragraphs of resolutions and conventions open.
_PREAMBULAR = re.compile(
    r"^(?:whereas|recalling|noting|reaffirming|recognizing|recognising|considering|welcoming|acknowledging|"
    r"emphasizing|emphasising|stressing|bearing in mind|taking note|taking into account|mindful|aware|"
    r"convinced|concerned|deeply concerned|alarmed|guided by|affirming|expressing|underlining|determined|"
    r"desiring|believing|observing|regretting|having (?:considered|examined|regard)|further (?:recalling|noting)|"
    r"also (?:recalling|noting|recognizing|recognising|reaffirming|welcoming|bearing in mind))\b",
    re.IGNORECASE)
_PAREN_NUMBER = re.compile(r"^\((\d{1,3})\)\s+(\S.*)$", re.DOTALL)
_LETTER_DOT = re.compile(r"^([a-z])[.)]\s+(\S.*)$", re.DOTALL)
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
    article: str = ""  # an article heading's number, as printed ("37", "IV")


@dataclass
class ParsedDocument:
    sections: list[Section] = field(default_factory=list)
    numbered: bool = False  # True when ids are the document's own numbers
    mode: str = ""  # "articles", "resolution" or "" (see structure_mode)


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


def _starts_block(line: str, mode: str = "") -> bool:
    if clean.md_heading(line) or clean.list_marker(line) or clean.footnote_line_number(line):
        return True
    if mode:
        text = clean.clean_inline(line)
        if _ARTICLE.match(text) or _PART.match(text) or _PAREN_NUMBER.match(text) or _LETTER_DOT.match(text):
            return True
    if not _MAYBE_NUMBERED.match(line):
        return False
    text = clean.clean_inline(line)
    return bool(_NUMBERED.match(text) or _LETTERED.match(text))


def structure_mode(raw: str) -> str:
    """"articles" for a text divided into articles (a convention, a law),
    "resolution" for preambular paragraphs followed by numbered operative
    ones, "" for any other document (numbered or read in order)."""
    articles = preambular = numbered = 0
    before = ""
    for _, line in _content_lines(raw):
        if line is None:
            before = ""
            continue
        md = clean.md_heading(line)
        text = clean.clean_inline(md[1] if md else line)
        if _ARTICLE.match(text):
            articles += 1
        elif _PREAMBULAR.match(text) and (not before or before.rstrip()[-1:] in ",;"):
            preambular += 1
        elif _NUMBERED.match(text):
            numbered += 1
        before = text
    if articles >= 2:
        return "articles"
    if preambular >= 2 and numbered >= 2:
        return "resolution"
    return ""


def _heading_line(text: str) -> str:
    """"article" or "part" when a line is one of those headings, else ""."""
    if _ARTICLE.match(text):
        return "article"
    if _PART.match(text):
        return "part"
    return ""


def _blocks(raw: str, mode: str = "") -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    lines = _content_lines(raw)
    after_heading = False  # the block just closed was an article or part line
    for k, (no, line) in enumerate(lines):
        if line is None:
            current = None
            continue
        if current is not None and current.start != "md" and not _starts_block(line, mode):
            current.lines.append(line)
            continue
        md = clean.md_heading(line)
        plain = clean.clean_inline(line) if mode and not md else ""
        kind = _heading_line(plain) if plain else ""
        nxt = lines[k + 1][1] if k + 1 < len(lines) else None
        if md:
            current = Block(no, [line], "md", md_level=md[0])
        elif clean.footnote_line_number(line):
            current = Block(no, [line], "footnote", marker_label=clean.footnote_line_number(line) or "")
        elif clean.list_marker(line):
            current = Block(no, [line], "list", marker_label=clean.list_marker(line)[1])
        elif kind:
            m = _ARTICLE.match(plain) if kind == "article" else _PART.match(plain)
            rest = m.group(2) if kind == "article" else m.group(3)
            if kind == "article" and rest and (_ends_sentence(rest) or (nxt is not None and nxt[:1].islower())):
                # "Art. 3. Everyone has the right to rest.": the heading and the body on one line
                head = plain[: len(plain) - len(rest)].rstrip(" .:-\u2013\u2014")
                blocks.append(Block(no, [head], kind))
                current = Block(no, [rest], "plain")
            else:
                blocks.append(Block(no, [line], kind))
                current = None
                after_heading = True
                continue
        else:
            current = Block(no, [line], "plain")
            # an article's title on the line after "Article 3", its text on the next lines
            if after_heading and len(plain) <= 80 and not _ends_sentence(plain) and nxt is not None \
                    and (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] == "(") \
                    and not (_NUMBERED.match(plain) or _LETTERED.match(plain) or _PAREN_NUMBER.match(plain)
                             or _LETTER_DOT.match(plain)):
                blocks.append(current)
                current = None
                after_heading = False
                continue
        after_heading = False
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


def _join_page_breaks(blocks: list[Block], mode: str = "") -> list[Block]:
    """Rejoin a paragraph that a page break cut in two (one pass, so a
    paragraph spread over three pages is rejoined too)."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if out and _continues(out[-1], b, mode):
            _merge(out[-1], b)
            i += 1
            continue
        # a lone page number between the two halves
        if out and i + 1 < len(blocks) and b.start == "plain" and _LONE_PAGE_NUMBER.match(b.text) \
                and _continues(out[-1], blocks[i + 1], mode):
            _merge(out[-1], blocks[i + 1])
            i += 2
            continue
        out.append(b)
        i += 1
    return out


def _merge(into: Block, b: Block) -> None:
    into.lines.extend(b.lines)
    into.text = clean.collapse_spaces(into.text + " " + b.text)


def _continues(prev: Block, nxt: Block, mode: str = "") -> bool:
    if prev.start in ("md",) or nxt.start != "plain":
        return False
    if len(prev.text) < 60 or _ends_sentence(prev.text):
        return False
    first = nxt.text[:1]
    return first.isalpha() and first.islower() and not _NUMBERED.match(nxt.text) and not _LETTERED.match(nxt.text) \
        and not (prev.start in ("article", "part") or (mode and _LETTER_DOT.match(nxt.text)))


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


def _opens_zone(b: Block, mode: str) -> bool:
    """Where a structured text's own structure starts: its first article,
    part or preamble heading, or its first preambular paragraph."""
    t = b.text
    if b.start in ("article", "part") or (b.start == "md" and _heading_line(t)):
        return True
    return b.start == "plain" and (bool(_PREAMBLE_TITLE.match(t)) or bool(_PREAMBULAR.match(t)))


def _classify_structured(b: Block, prev: Block | None, nxt: Block | None, has_parts: bool) -> None:
    """Inside a convention's articles or a resolution's paragraphs, only
    article, part, annex and preamble lines (and Markdown headings) are
    headings: a short numbered or lettered line is a paragraph or an item,
    never a heading."""
    t = b.text
    kind = _heading_line(t) if b.start in ("article", "part", "md") else ""
    if b.start == "footnote":
        b.role, b.label = "footnote", b.marker_label
    elif kind == "article":
        m = _ARTICLE.match(t)
        b.role, b.style, b.title, b.article = "heading", "article", t, m.group(1)
        b.level = 2 if has_parts else 1
    elif kind == "part":
        b.role, b.style, b.title, b.level = "heading", "part", t, 1
    elif b.start == "md":
        b.role, b.style, b.title, b.level = "heading", "md", t, 1
    elif b.start == "plain" and len(b.lines) == 1 and _PREAMBLE_TITLE.match(t):
        b.role, b.style, b.title, b.level = "heading", "preamble", t, 1
    elif b.start == "plain" and (m := _ANNEX.match(t)) and len(b.lines) == 1:
        b.role, b.style, b.title, b.level = "heading", "annex", t, 1
        b.annex = "annex" + (f"-{m.group(2).lower()}" if m.group(2) else "")
    elif prev is not None and prev.role == "heading" and prev.style in ("article", "part", "annex") \
            and prev.title == prev.text and b.start == "plain" and _short_single(b) \
            and not (_NUMBERED.match(t) or _PAREN_NUMBER.match(t) or _LETTERED.match(t) or _LETTER_DOT.match(t)) \
            and (prev.style != "article" or (nxt is not None and nxt.start not in ("article", "part")
                                             and not (nxt.start == "md" and _heading_line(nxt.text)))):
        # "Article 3" + "Definitions": one title. An article whose only text
        # is one short line keeps that line as its paragraph.
        prev.title = f"{prev.title.rstrip('.')}. {t}"
        b.role = "absorbed"
    elif b.start == "plain" and _ROMAN.match(t) and _short_single(b):
        b.role, b.style, b.title, b.level = "heading", "roman", t, 1
    elif b.start == "plain" and ((m := _NUMBERED.match(t)) or (m := _PAREN_NUMBER.match(t))):
        b.role, b.number, b.label, b.text = "paragraph", m.group(1), m.group(1), m.group(2)
    elif b.start == "plain" and ((m := _LETTERED.match(t)) or (m := _LETTER_DOT.match(t))):
        b.role, b.label, b.text = "item", m.group(1), m.group(2)
    elif b.start == "list":
        b.role, b.label = ("paragraph" if b.marker_label else "item"), b.marker_label
    else:
        b.role = "paragraph"


def _classify(blocks: list[Block], mode: str = "") -> None:
    has_parts = any(b.start == "part" or (b.start == "md" and _PART.match(b.text)) for b in blocks)
    zone = False
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
        if mode and not zone and _opens_zone(b, mode):
            zone = True
        if zone:
            _classify_structured(b, prev, nxt, has_parts)
            continue
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
    mode = structure_mode(raw)
    blocks = _blocks(raw, mode)
    footnotes = frozenset(b.marker_label for b in blocks if b.start == "footnote")
    for b in blocks:
        b.text = _block_text(b, footnotes)
    blocks = [b for b in blocks if b.text]
    blocks = _join_page_breaks(blocks, mode)
    _classify(blocks, mode)
    blocks = [b for b in blocks if b.role != "absorbed"]
    if mode:
        return _structured_ids(blocks, title, mode)

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


_ROMAN_ITEM = re.compile(r"^[ivxlc]+$")


def _next_letter(label: str) -> str:
    return chr(ord(label) + 1) if len(label) == 1 and label < "z" else ""


def _structured_ids(blocks: list[Block], title: str, mode: str) -> ParsedDocument:
    """Ids of a convention's or a resolution's paragraphs, from its own
    numbering: ``article-37`` (an article's text), ``article-37-2`` (its
    paragraph 2 or (2)), ``article-37-c`` / ``article-37-2-c`` (item (c)),
    ``article-37-c-ii`` (item (ii) of (c)), ``article-37-p2`` (a second
    unnumbered paragraph), ``preamble-3`` (the third preambular paragraph;
    the opening words "The States Parties," are ``preamble-intro``, the
    closing "Have agreed as follows:" ``preamble-end``), ``op-12``
    (operative paragraph 12 of a resolution), ``annex-article-1``. An id
    never takes its number from another article: each article, part and
    annex starts afresh."""
    doc = ParsedDocument(numbered=True, mode=mode)
    used_sections: set[str] = set()
    used_ids: set[str] = set()
    section: Section | None = None
    front_section: Section | None = None
    counts: dict[str, int] = {}
    front = preamble = 0
    zone = "front"  # front | preamble | body (articles, parts, operative part) | annex
    owner = ""  # the article, part or operative id paragraphs attach to
    sub = ""  # the numbered paragraph lettered items attach to
    item, item_label = "", ""  # the last lettered item, for its roman sub-items
    prefix = ""  # "annex-" after an annex heading

    def unique(base: str, used: set[str]) -> str:
        out, n = base, 2
        while out in used:
            out, n = f"{base}-{n}", n + 1
        used.add(out)
        return out

    def open_section(sid: str, stitle: str, level: int = 1, line: int = 0) -> Section:
        sec = Section(id=unique(sid, used_sections), title=stitle, level=level, line=line)
        doc.sections.append(sec)
        return sec

    for b in blocks:
        if b.role == "heading":
            if b.style == "article":
                aid = f"{prefix}article-{b.article.lower()}"
                section = open_section(aid, b.title, b.level, b.line)
                zone, owner, sub, item = "body", section.id, "", ""
            elif b.style == "preamble":
                section = open_section("preamble", b.title, b.level, b.line)
                zone, owner, sub, item = "preamble", "", "", ""
            else:
                section = open_section(slugify(b.title) or f"section-{len(doc.sections) + 1}", b.title, b.level, b.line)
                if b.annex:
                    prefix, zone = b.annex + "-", "annex"
                elif zone == "preamble" or b.style == "part":
                    zone = "body"
                owner = section.id if zone != "front" and b.style in ("part", "annex") else ""
                sub = item = ""
            continue
        text = b.text
        chapeau = (b.role == "paragraph" and not b.number and len(text) < 100 and text.rstrip()[-1:] in ",:"
                   and not _PREAMBULAR.match(text))
        clause = b.role == "paragraph" and not b.number and bool(_PREAMBULAR.match(text))
        if zone == "front" and (clause or chapeau):
            zone = "preamble"
            if section is None or section.id != "preamble":
                section = open_section("preamble", "Preamble", 1, b.line)
        if zone == "preamble" and mode == "resolution" and b.number and not prefix:
            zone = "body"
            if section is not None and section.id == "preamble":
                section = open_section("operative-part", "Operative part", 1, b.line)
        if section is None:
            used_sections.add("front")
            section = front_section = Section(id="front", title=title or "Front matter", level=1, line=0)
            doc.sections.append(section)
        kind = {"footnote": "footnote", "item": "item"}.get(b.role, "paragraph")
        if kind == "footnote":
            pid = unique(f"footnote-{b.label}" if b.label else f"{section.id}-footnote", used_ids)
        elif section is front_section or zone == "front":
            # the title page, also under the document's title: "Adopted at ... on ..."
            front += 1
            pid, kind = unique(f"front-{front}", used_ids), "front"
        elif zone == "preamble" and not b.number and kind == "paragraph":
            if chapeau:
                pid = unique("preamble-end" if preamble else "preamble-intro", used_ids)
            else:
                preamble += 1
                pid = unique(f"preamble-{preamble}", used_ids)
        elif b.number:
            base = owner or ("op" if mode == "resolution" and not prefix else prefix.rstrip("-") or section.id)
            sub = unique(f"{base}-{b.number}", used_ids)
            pid, item = sub, ""
            counts[sub] = 1
        elif kind == "item" and b.label and b.label.isalpha():
            parent = sub or owner or section.id
            if item and _ROMAN_ITEM.match(b.label) and b.label != _next_letter(item_label):
                pid = unique(f"{item}-{b.label}", used_ids)  # (ii) under (c)
            else:
                pid = item = unique(f"{parent}-{b.label}", used_ids)
                item_label = b.label
        else:
            parent = (sub if item or sub else "") or owner or section.id
            counts[parent] = counts.get(parent, 0) + 1
            if counts[parent] == 1 and parent not in used_ids and parent == owner:
                pid = unique(parent, used_ids)  # an article's own text
            else:
                pid = unique(f"{parent}-p{max(2, counts[parent])}", used_ids)
            item = ""
        section.paragraphs.append(Paragraph(id=pid, text=text, section=section.id, line=b.line, label=b.label,
                                            kind=kind))
    return doc


def _letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s
