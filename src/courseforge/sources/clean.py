"""Cleaning seed text: remove what is not content, keep every word of what is.

The seeds arrive as text copied out of PDFs and web pages. What gets removed:

* HTML tag remnants (``<sup>``, ``<u>``, ``<i>`` ...), also when escaped
  (``&lt;sup&gt;``) or split by a stray tag (``<sup>&</sup>lt;sup&gt;``);
  the words inside them stay. Character entities become characters.
* Markdown markup: emphasis (``**bold**``, ``*italic*``), heading markers
  (``##``), list markers (``-``, ``—``), quote markers (``>``), code
  backticks, the stray ``**`` of a mangled numbered marker (``- 1** text``);
  a link keeps its text and its address: ``UNITAR (https://unitar.org)``.
* Footnote *markers* (``migration<sup>1</sup>``; ``migration1`` only when the
  document has a footnote numbered 1 and the word is plain lowercase). A
  digit superscript right after a digit is a power, kept as ``10^6``;
  letter superscripts (``51<sup>st</sup>``) are kept as text (``51st``).
* Share-button and navigation boilerplate: lines made only of social-network
  and share words ("Twitter Facebook Flickr Youtube RSS Share", "Bookmark and
  Share"), navigation phrases ("Retour à la table des matières"), and the
  footer link list after the last share line at the end of a page.
* Table-of-contents lines ("I. Introduction.....3") and the "CONTENTS" title:
  they repeat the headings with page numbers of a paper that does not exist
  here.
* Decoration lines ("-0-0-0-0-", "* * *").

Footnote *texts* are kept as paragraphs (kind "footnote", label = its
number): they are sentences of the original (a disclaimer, a reference, a
figure), and the no-content-loss rule applies to them too. A footnote left
with no words once its marker is gone is dropped.

All functions here are pure (text in, text out), so tests can call them one
by one; :mod:`courseforge.sources.paragraphs` decides structure.
"""

from __future__ import annotations

import html
import re

# Inline HTML that web-page copies leave behind. Only these names are treated
# as tags, so text such as "<5%" or "a <b> c" in prose is never eaten.
_TAG_NAMES = r"(?:sup|sub|u|i|b|em|strong|span|font|small|big|a|abbr|cite|code|mark|s|strike|del|ins|br|p|div)"
_TAG = re.compile(rf"</?{_TAG_NAMES}(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# "&</sup>lt;" — an entity cut in two by a tag; the tag moves in front of it.
_SPLIT_ENTITY = re.compile(rf"&((?:</?{_TAG_NAMES}\s*/?>)+)(lt|gt|amp|quot|apos|nbsp|#\d+);", re.IGNORECASE)
# Only entities closed by ";" are decoded: html.unescape alone would turn
# "?a=1&para=2" into "?a=1¶=2".
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_SUP = re.compile(r"<sup\b[^<>]*>\s*([^<>]*?)\s*</sup>", re.IGNORECASE)
# A footnote text: the line starts with its number in superscript.
_FOOTNOTE_LINE = re.compile(r"^\s*(?:<sup\b[^<>]*>\s*(?:</sup>)?\s*)*<sup\b[^<>]*>\s*(\d{1,3})\s*</sup>\s*", re.IGNORECASE)

# A span never contains its own marker and is at most 500 characters long,
# so a line full of unmatched "*" or "_" costs linear time, not quadratic.
_BOLD = re.compile(
    r"\*\*(?=\S)((?:[^*\n]|\*(?!\*)){1,500}?)(?<=\S)\*\*"
    r"|__(?=\S)((?:[^_\n]|_(?!_)){1,500}?)(?<=\S)__"
)
_ITALIC = re.compile(
    r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,500}?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])([^_\n]{1,500}?)(?<=\S)_(?![\w_])"
)
_STRAY_STARS = re.compile(r"\*{2,}")
# Markdown links keep their text and their address (an address can be the
# content a learner needs); images keep their description; code loses its
# backticks.
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\(([^()\s]{1,500})(?:\s+\"[^\"]{0,200}\")?\)")
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{1,500})(?:\s+\"[^\"]{0,200}\")?\)")
_CODE = re.compile(r"`{1,3}([^`\n]{1,500})`{1,3}")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
# "- 1** text": a numbered marker whose bold got mangled on the way.
_MANGLED_NUMBER = re.compile(r"^\s*[-*+]\s+(\d{1,3})\*{1,2}\s+")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|[—–])\s+")

# Navigation phrases removed wherever they occur (web-page copies glue them to
# headings: "1. Présentation Retour à la table des matières").
NAV_PHRASES = (
    "Retour à la table des matières",
    "Retour en haut de page",
    "Haut de page",
    "Back to top",
    "Back to table of contents",
    "Skip to main content",
    "Skip to content",
)
_NAV = re.compile("|".join(re.escape(p) for p in NAV_PHRASES), re.IGNORECASE)

# A line made only of these words is a row of share buttons.
SHARE_WORDS = frozenset(
    w.lower()
    for w in (
        "Twitter", "Facebook", "Flickr", "Youtube", "YouTube", "RSS", "Share", "Partager",
        "LinkedIn", "Instagram", "Pinterest", "Tumblr", "Google+", "Email", "E-mail",
        "Print", "Imprimer", "Tweet", "Bookmark", "and", "et", "this", "page", "X",
        "WhatsApp", "Reddit", "Viadeo", "Dailymotion",
    )
)
_SHARE_REQUIRED = frozenset({"share", "partager", "bookmark", "tweet", "rss"})

_MAYBE_TOC_TITLE = re.compile(r"^[\s*#]*(?:<[^<>]*>\s*)*(?:contents|table|sommaire|pages?)", re.IGNORECASE)
_TOC_TITLE = re.compile(r"^\s*(?:contents|table of contents|table des matières|sommaire|pages?)\s*$", re.IGNORECASE)
# "I. Introduction.....\t3", "1. Public perceptions of migration and migrants\t4",
# "Annex. Summary ... .....\t1-4": a dot leader or a tab before a page number.
_TOC_LINE = re.compile(r"(?:\.{3,}\s*|\t\s*)\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*$")
_DECORATION = re.compile(r"^\s*(?:(?:-0)+-?|(?:\*\s*){3,}|-{3,}|_{3,}|={3,}|~{3,})\s*$")



def _unescape(match: re.Match) -> str:
    return html.unescape(match.group(0))


def decode_entities(text: str) -> str:
    """Character entities (``&lt;``, ``&#8217;``) → characters, also when a
    stray tag cut one in two (``&</sup>lt;`` → ``</sup>&lt;``)."""
    if "&" not in text:
        return text
    text = _SPLIT_ENTITY.sub(lambda m: f"{m.group(1)}&{m.group(2)};", text)
    return _ENTITY.sub(_unescape, text)


def footnote_line_number(line: str) -> str | None:
    """The footnote number if ``line`` (raw, entities decoded) is a footnote
    text such as ``<sup>1</sup> The views expressed ...``."""
    m = _FOOTNOTE_LINE.match(line)
    return m.group(1) if m else None


def strip_footnote_line_marker(line: str) -> str:
    return _FOOTNOTE_LINE.sub("", line, count=1)


def replace_superscripts(text: str) -> str:
    """Footnote markers go; powers and ordinals stay as text.

    ``migration<sup>1</sup>`` → ``migration``; ``10<sup>6</sup>`` → ``10^6``;
    ``51<sup>st</sup>`` → ``51st``.
    """

    def sub(m: re.Match) -> str:
        inner = m.group(1)
        before = text[: m.start()]
        if inner.isdigit():
            if before and before[-1].isdigit():
                return "^" + inner
            return ""  # a footnote reference
        return inner

    return _SUP.sub(sub, text)


def strip_tags(text: str) -> str:
    """Remove inline HTML tags, keeping the text inside them."""
    text = _BR.sub(" ", text)
    return _TAG.sub("", text)


def strip_emphasis(text: str) -> str:
    """``**bold**``, ``__bold__``, ``*italic*``, ``_italic_`` → their words;
    leftover ``**`` pairs of a mangled marker disappear."""
    if "*" not in text and "_" not in text:
        return text
    for _ in range(2):  # nested: ***x*** or **x *y* z**
        text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
        text = _ITALIC.sub(lambda m: m.group(1) or m.group(2), text)
    return _STRAY_STARS.sub("", text)


_NAV_FIRST_WORDS = tuple({p.split()[0].lower() for p in NAV_PHRASES})


def strip_md_links(text: str) -> str:
    """``[UNITAR](https://unitar.org)`` → ``UNITAR (https://unitar.org)``;
    ``![A chart](c.png)`` → ``A chart``; ```code``` → ``code``."""
    if "](" in text:
        text = _IMAGE.sub(lambda m: m.group(1), text)
        text = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text)
    if "`" in text:
        text = _CODE.sub(lambda m: m.group(1), text)
    return text


def strip_blockquote(line: str) -> str:
    """``> quoted text`` → ``quoted text``."""
    return _BLOCKQUOTE.sub("", line, count=1) if line.lstrip().startswith(">") else line


def strip_nav_phrases(text: str) -> str:
    low = text.lower()
    if not any(w in low for w in _NAV_FIRST_WORDS):  # cheap test first: most lines have none
        return text
    return _NAV.sub("", text)


def glued_footnote_refs(text: str, footnotes: set[str] | frozenset[str]) -> str:
    """Remove footnote numbers glued to a word ("migration1") — only numbers
    the document has a footnote for, and only after a lowercase word of three
    or more letters, so "G20", "A/RES/67", "COVID19" and "2013" are safe."""
    if not footnotes:
        return text

    def sub(m: re.Match) -> str:
        return m.group(1) if m.group(2) in footnotes else m.group(0)

    return re.sub(r"(?<![\w/])([A-Za-z]*[a-z]{3,})(\d{1,3})(?=[\s.,;:!?)\]”\"’']|$)", sub, text)


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (tabs, no-break spaces, line ends) → one space."""
    return " ".join(text.split())


def clean_inline(text: str, footnotes: set[str] | frozenset[str] = frozenset()) -> str:
    """All inline cleaning of one line or paragraph, in the order that works:
    entities first (an escaped tag becomes a tag), superscripts before other
    tags (their content decides), emphasis last."""
    text = decode_entities(text)
    if "<" in text:
        text = replace_superscripts(text)
        text = strip_tags(text)
    text = strip_md_links(text)
    text = strip_emphasis(text)
    text = strip_nav_phrases(text)
    text = glued_footnote_refs(text, footnotes)
    return collapse_spaces(text)


def md_heading(line: str) -> tuple[int, str] | None:
    """``## Title`` → (2, "Title"); None if not a Markdown heading."""
    m = _MD_HEADING.match(line)
    if not m or not m.group(2).strip():
        return None
    return len(m.group(1)), m.group(2)


def list_marker(line: str) -> tuple[str, str, str] | None:
    """Split a list item into (marker, label, rest).

    ``- text`` → ("-", "", "text"); ``- 1** text`` → ("-", "1", "text");
    ``— text`` → ("—", "", "text")."""
    m = _MANGLED_NUMBER.match(line)
    if m:
        return "-", m.group(1), line[m.end():]
    m = _LIST_MARKER.match(line)
    if m:
        return m.group(0).strip(), "", line[m.end():]
    return None


def is_share_line(line: str) -> bool:
    """"Twitter Facebook Flickr Youtube RSS Share", "Bookmark and Share"."""
    if len(line) > 200:
        return False
    low = line.lower()
    if not any(w in low for w in _SHARE_REQUIRED):  # cheap test first
        return False
    words = clean_inline(line).replace("|", " ").split()
    if not words or len(words) > 16:
        return False
    lowered = [w.lower().strip("·•,") for w in words]
    return all(w in SHARE_WORDS for w in lowered) and any(w in _SHARE_REQUIRED for w in lowered)


def is_toc_title(line: str) -> bool:
    return len(line) < 60 and bool(_MAYBE_TOC_TITLE.match(line)) and bool(_TOC_TITLE.match(clean_inline(line)))


def is_toc_line(line: str) -> bool:
    """A table-of-contents entry: a title, then a dot leader or a tab, then a
    page number."""
    tail = line.rstrip()[-40:]  # only the end can hold a leader and a page number
    if not tail[-1:].isdigit():
        return False
    return bool(_TOC_LINE.search(tail)) and bool(re.search(r"[A-Za-z]", line))


def is_decoration(line: str) -> bool:
    return bool(_DECORATION.match(line))


def is_nav_only(line: str) -> bool:
    """A line that held nothing but navigation phrases."""
    return bool(strip_nav_phrases(line) != line) and not collapse_spaces(strip_nav_phrases(clean_inline(line)))


def clean_text(raw: str) -> str:
    """The cleaned text of a whole seed: section titles and paragraphs,
    separated by blank lines (documents' own numbers kept in front)."""
    from .paragraphs import parse_document  # structure lives there

    out: list[str] = []
    for section in parse_document(raw, title="").sections:
        if section.title:
            out.append(section.title)
        for p in section.paragraphs:
            out.append(f"{p.label}. {p.text}" if p.label else p.text)
    return "\n\n".join(out) + "\n"
