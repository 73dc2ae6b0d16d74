"""HTML (.html, .htm) → seed text: the page's main content, without navigation.

Read with the standard library's ``html.parser``. The content is the page's
``<main>`` (else its ``<article>``, else its ``<body>``), less what is never
content: scripts, styles, forms, navigation, headers, footers, side bars and
menus (by element, ARIA role, or a class or id such as "nav", "menu",
"breadcrumb", "footer", "sidebar", "cookie"). ``<h1>``-``<h6>`` become
Markdown headings, each paragraph, list item, table row and quotation its
own block; ordered lists get their numbers ("1.", or "(a)" for
``type="a"``), unordered ones "- ". A superscript keeps its ``<sup>`` tags so
the cleaner tells a footnote marker from a power.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from . import DocumentInfo, FormatError, drop_footnote_markers
from .docx import format_number

SKIP = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
                  "button", "select", "textarea", "iframe", "object", "canvas", "dialog", "menu"})
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                        "dialog", "alert"})
# class or id words of page furniture
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|sidebar|side-bar|"
                        r"cookie|cookies|banner|share|social|skip-link|masthead|toolbar)(?:$|[\s_-])", re.I)
BLOCK = frozenset({"p", "div", "li", "dd", "dt", "blockquote", "pre", "tr", "section", "article", "main", "body",
                   "figcaption", "caption", "address", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
                   "dl", "br", "hr", "td", "th", "header", "figure", "details", "summary", "center"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track",
                  "wbr", "param"})
_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "1": "decimal"}


class _Page(HTMLParser):
    """Collects the page's text blocks, each tagged with the regions (main, article, body) it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, this element started a skipped region)
        self.skipping = 0
        self.active: list[str] = []  # content regions open: "main", "article", "body"
        self.blocks: list[tuple[frozenset, str]] = []
        self.current: list[str] = []
        self.prefix = ""
        self.lists: list[list] = []  # [format, counter] of each open list
        self.cells: list[str] | None = None  # the cells of the open table row
        self.title = ""
        self.in_title = False
        self.meta: dict[str, str] = {}

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append((frozenset(self.active), f"{self.prefix}{text}"))
        self.current, self.prefix = [], ""

    def _cell(self) -> None:
        text = " ".join("".join(self.current).split())
        if text and self.cells is not None:
            self.cells.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, " ".join(a["content"].split()))
            return
        if tag in VOID:
            if tag in ("br", "hr") and not self.skipping:
                self.current.append(" ") if self.cells is not None else self.flush()
            return
        skip = not self.skipping and tag not in ("html", "body") and (
            tag in SKIP or a.get("role", "").lower() in SKIP_ROLES or "hidden" in a
            or a.get("aria-hidden") == "true" or bool(_FURNITURE.search(f"{a.get('class', '')} {a.get('id', '')}")))
        self.stack.append((tag, skip))
        if skip:
            self.skipping += 1
        if self.skipping:
            return
        if tag == "title":
            self.in_title = True
        elif tag in ("main", "article", "body"):
            self.flush()
            self.active.append(tag)
        elif tag in ("ol", "ul"):
            self.flush()
            fmt = "bullet" if tag == "ul" else _TYPES.get(a.get("type", "1"), "decimal")
            start = int(a["start"]) if a.get("start", "").isdigit() else 1
            self.lists.append([fmt, start - 1])
        elif tag == "li":
            self.flush()
            if self.lists:
                lst = self.lists[-1]
                lst[1] = int(a["value"]) if a.get("value", "").isdigit() else lst[1] + 1
                if lst[0] == "bullet":
                    self.prefix = "- "
                elif lst[0] == "decimal":
                    self.prefix = f"{lst[1]}. "
                else:
                    self.prefix = f"({format_number(lst[1], lst[0])}) "
        elif tag in HEADINGS:
            self.flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "tr":
            self.flush()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self._cell()
        elif tag == "sup":
            self.current.append("<sup>")
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in VOID or all(t != tag for t, _ in self.stack):
            return  # a stray end tag
        while self.stack:  # also close what the page left open inside it
            top, started_skip = self.stack.pop()
            if not self.skipping:
                self._close(top)
            if started_skip:
                self.skipping -= 1
            if top == tag:
                break

    def _close(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "sup":
            self.current.append("</sup>")
        elif tag in ("td", "th") and self.cells is not None:
            self._cell()
        elif tag == "tr" and self.cells is not None:
            self._cell()
            row, self.cells = self.cells, None
            self.current = [" | ".join(row)]
            self.flush()
        elif tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in BLOCK:
            self.flush()
        if tag in ("main", "article", "body") and tag in self.active:
            self.flush()
            self.active.remove(tag)

    def handle_data(self, data):
        if self.in_title and not self.skipping:
            self.title += data
        elif not self.skipping:
            # a literal "<" of the text must not look like a tag to the cleaner
            self.current.append(data.replace("<", "&lt;"))

    def close(self) -> None:
        super().close()
        while self.stack:
            self.handle_endtag(self.stack[-1][0])
        self.flush()


def _parse(path: Path) -> _Page:
    raw = path.read_bytes()
    text = _decode(raw)
    if "\x00" in text[:4096]:
        raise FormatError("is not a web page (it holds binary data); save the page again from the browser as "
                          "'Web page, HTML only'")
    page = _Page()
    page.feed(text)
    page.close()
    return page


def _decode(raw: bytes) -> str:
    """UTF-8 unless the page declares another charset (or is not UTF-8 at all: then Windows-1252)."""
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096], re.I)
    for enc in ([m.group(1).decode("ascii")] if m else []) + ["utf-8-sig", "cp1252"]:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def main_blocks(page: _Page) -> list[str]:
    """The blocks of the page's main content: <main>, else <article>, else everything."""
    for region in ("main", "article"):
        inside = [text for regions, text in page.blocks if region in regions]
        if inside:
            return inside
    return [text for _, text in page.blocks]


def read(path: Path) -> str:
    blocks = drop_footnote_markers(main_blocks(_parse(path)))
    if not blocks:
        raise FormatError("has no text outside navigation, scripts and page furniture; save the page again "
                          "from the browser once it has fully loaded")
    return "\n\n".join(blocks) + "\n"


def metadata(path: Path) -> DocumentInfo:
    page = _parse(path)
    m = page.meta

    def first(*keys: str) -> str:
        return next((m[k] for k in keys if m.get(k)), "")

    date = first("dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued", "date", "article:published_time",
                 "datepublished", "citation_publication_date", "publication_date")
    # a <title> often ends with the site's name: "Lending policy | City Library"
    title = first("dc.title", "dcterms.title", "citation_title", "og:title") or re.split(
        r"\s+[|–—]\s+|\s+-\s+", " ".join(page.title.split()))[0]
    return DocumentInfo(
        title=title,
        issuer=first("dc.publisher", "dcterms.publisher", "publisher", "dc.creator", "dcterms.creator", "author",
                     "og:site_name", "citation_author"),
        date=date[:10] if re.match(r"\d{4}-\d{2}-\d{2}T", date) else date,
        kind=first("dc.type", "dcterms.type"),
    )
