"""How a paragraph id reads in a citation: ``article-37-c`` → "Article 37 (c)".

Ids follow the document's own numbering (see :mod:`.paragraphs`), so a
reader-facing label can be told from the id alone; hints, explanations, the
sources page and exports all show this label, never the bare id.
"""

from __future__ import annotations

import re

_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_NUMBER = re.compile(r"^\d{1,3}[a-z]?$")
_ROMAN = re.compile(r"^[ivxlc]+$")


def _marks(parts: list[str]) -> str:
    """["2", "c", "ii"] → " (2) (c) (ii)"; a trailing "p2" → ", second paragraph"."""
    out = ""
    for p in parts:
        m = re.fullmatch(r"p(\d+)", p)
        if m:
            n = int(m.group(1))
            out += f", {_ORDINALS[n]} paragraph" if n < len(_ORDINALS) else f", paragraph {n}"
        else:
            out += f" ({p})"
    return out


_STRUCTURED = re.compile(r"^(?:annex(?:-[a-z0-9]+)?-)?(?:article|preamble|op|footnote)-")


def structured(para_id: str) -> bool:
    """Whether an id comes from a convention's or resolution's own structure
    (``article-37-c``, ``preamble-3``, ``op-12``), whose label needs words."""
    return bool(_STRUCTURED.match(str(para_id)))


def paragraph_label(para_id: str) -> str:
    """The citation a reader expects for a paragraph id.

    ``18`` → "paragraph 18"; ``37-iii`` → "paragraph 37 (iii)";
    ``annex-6`` → "annex, paragraph 6"; ``annex-ii-6`` → "annex II, paragraph 6";
    ``article-37-c`` → "Article 37 (c)"; ``article-5-p2`` → "Article 5, second paragraph";
    ``preamble-3`` → "preamble, paragraph 3"; ``preamble-intro`` → "preamble, opening words";
    ``op-12`` → "operative paragraph 12"; ``front-2`` → "title page, paragraph 2";
    ``footnote-4`` → "footnote 4". Anything else reads "paragraph <id>".
    """
    pid = str(para_id)
    parts = pid.split("-")
    annex = ""
    if parts[0] == "annex":
        # "annex-ii-6", "annex-6", "annex-article-3"
        named = len(parts) > 2 and (_ROMAN.match(parts[1]) or re.fullmatch(r"[a-z]", parts[1])) \
            and (_NUMBER.match(parts[2]) or parts[2] == "article")
        annex, parts = (f"annex {parts[1].upper()}", parts[2:]) if named else ("annex", parts[1:])
        inner = paragraph_label("-".join(parts))
        return f"{annex}, {inner}"
    head, rest = parts[0], parts[1:]
    if head == "article" and rest:
        return f"Article {rest[0].upper() if _ROMAN.match(rest[0]) and len(rest[0]) > 1 else rest[0]}{_marks(rest[1:])}"
    if head == "preamble" and rest:
        if rest[0] == "intro":
            return "preamble, opening words"
        if rest[0] == "end":
            return "preamble, closing words"
        return f"preamble, paragraph {rest[0]}{_marks(rest[1:])}"
    if head == "op" and rest:
        return f"operative paragraph {rest[0]}{_marks(rest[1:])}"
    if head == "front" and rest:
        return f"title page, paragraph {rest[0]}"
    if head == "footnote" and rest:
        return f"footnote {rest[0]}"
    if _NUMBER.match(head):
        return f"paragraph {head}{_marks(rest)}"
    return f"paragraph {pid}"


def short_label(para_id: str) -> str:
    """The compact form for pages and messages: "¶ 18", "¶ annex 6"; words
    where the id comes from articles or a resolution ("Article 37 (c)")."""
    pid = str(para_id)
    return paragraph_label(pid) if structured(pid) else "¶ " + pid.replace("-", " ")
