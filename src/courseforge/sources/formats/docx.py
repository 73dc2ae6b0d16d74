"""Word (.docx) → seed text (python-docx), keeping the document's structure.

Headings (the "Heading 1-9" and "Title" styles, or an outline level) become
Markdown headings. Word's automatic numbering is not in the text itself: it
is worked out here from the numbering definitions, so "1.", "(a)", "iii."
stand in front of their paragraphs as printed, and the paragraph splitter
sees them; bullets become "- " items. Tables give one paragraph per row.
Footnote texts come last as ``<sup>N</sup> text`` paragraphs (their markers
in the text are not words and are left out).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from . import DocumentInfo, FormatError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise FormatError("is password-protected or an old Word (.doc) file; open it in Word and save an "
                              "unprotected copy as .docx, then use that file")
        raise FormatError("is not a readable Word document (damaged, or not a .docx at all); open it in a word "
                          "processor and save it again as .docx")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise FormatError(f"is not a readable Word document ({exc}); open it in a word processor and save it "
                          "again as .docx") from None
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds for a broken file
        raise FormatError(f"is not a readable Word document ({type(exc).__name__}); open it in a word "
                          "processor and save it again as .docx") from None


def roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def letters(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word's way)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class Numbering:
    """Word's list numbering: (numId, level) → the label printed in front of a paragraph."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → level → (fmt, text, start)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for a in root.iter(f"{W}abstractNum"):
            abstract[a.get(f"{W}abstractNumId")] = {int(lvl.get(f"{W}ilvl", "0")): _level(lvl)
                                                     for lvl in a.iter(f"{W}lvl")}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{W}val"), {})) if ref is not None else {}
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = int(override.get(f"{W}ilvl", "0"))
                lvl = override.find(f"{W}lvl")
                start = override.find(f"{W}startOverride")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                elif start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(f"{W}val", "1")))
            self.levels[num.get(f"{W}numId")] = levels

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The next label of this list at this level ("3.", "(b)"), "-" for a bullet, None if not a list."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        fmt, text, start = levels[ilvl]
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts its sub-lists
        if fmt == "bullet":
            return "-"
        if fmt == "none":
            return None

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            lfmt, _, lstart = levels.get(k, ("decimal", "", 1))
            return format_number(counts.get(k, lstart), lfmt)

        label = re.sub(r"%([1-9])", sub, text).strip()
        return label or None


def _level(lvl) -> tuple[str, str, int]:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    start = lvl.find(f"{W}start")
    return (fmt.get(f"{W}val") if fmt is not None else "decimal",
            text.get(f"{W}val") if text is not None else "",
            int(start.get(f"{W}val", "1")) if start is not None else 1)


_NO_STYLE = object()


def _num_pr(paragraph, style=_NO_STYLE) -> tuple[str, int] | None:
    """The paragraph's list (numId, level), from the paragraph or from its style (``style``: the
    paragraph's style when the caller has it)."""
    ppr = paragraph._p.pPr
    num = ppr.numPr if ppr is not None else None
    style = paragraph.style if style is _NO_STYLE else style
    while num is None and style is not None:
        sppr = style.element.pPr
        num = sppr.numPr if sppr is not None else None
        style = style.base_style
    if num is None or num.numId is None:
        return None
    ilvl = num.ilvl.val if num.ilvl is not None else 0
    return str(num.numId.val), int(ilvl)


def _heading_level(paragraph, style=_NO_STYLE) -> int:
    style = paragraph.style if style is _NO_STYLE else style
    while style is not None:
        name = style.name or ""
        if name.lower() == "title":
            return 1
        m = _HEADING_STYLE.match(name)
        if m:
            return int(m.group(1))
        style = style.base_style
    ppr = paragraph._p.pPr
    outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if outline is not None and outline.get(f"{W}val", "9").isdigit() and int(outline.get(f"{W}val")) < 9:
        return int(outline.get(f"{W}val")) + 1
    return 0


def _text(paragraph) -> str:
    return " ".join(paragraph.text.split())


def _footnotes(document) -> list[str]:
    for rel in document.part.rels.values():
        if rel.reltype == FOOTNOTES_REL and not rel.is_external:
            from lxml import etree

            root = etree.fromstring(rel.target_part.blob)
            out = []
            for note in root.iter(f"{W}footnote"):
                nid = note.get(f"{W}id", "")
                if note.get(f"{W}type") or not nid.isdigit() or int(nid) <= 0:
                    continue  # the separator "notes"
                text = " ".join("".join(t.text or "" for t in note.iter(f"{W}t")).split())
                if text:
                    out.append(f"<sup>{nid}</sup> {text}")
            return out
    return []


def read(path: Path) -> str:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open(path)
    numbering = Numbering(document)
    out: list[str] = []
    # A paragraph's style, looked up once per style id: python-docx finds a paragraph without a
    # style of its own by scanning every style of the document, which made reading a long
    # document take about 2 ms of CPU a paragraph (some 20 s for 1 MB of text).
    styles: dict = {}
    try:
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = _text(item)
                if not text:
                    continue
                style_id = item._p.style
                style = styles.get(style_id, _NO_STYLE)
                if style is _NO_STYLE:
                    style = styles[style_id] = item.style
                level = _heading_level(item, style)
                num = _num_pr(item, style)
                label = numbering.label(*num) if num else None
                if level:
                    out.append("#" * min(level, 6) + " " + (f"{label} {text}" if label and label != "-" else text))
                elif label:
                    out.append(f"{label} {text}")
                else:
                    out.append(text)
            elif isinstance(item, Table):
                for row in item.rows:
                    cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))  # merged cells repeat
                    line = " | ".join(c for c in cells if c)
                    if line:
                        out.append(line)
        out.extend(_footnotes(document))
    except Exception as exc:  # noqa: BLE001 - a broken part deep inside the package
        raise FormatError(f"is not a readable Word document ({type(exc).__name__}: {exc}); open it in a word "
                          "processor and save it again as .docx") from None
    return "\n\n".join(out) + "\n" if out else ""


def metadata(path: Path) -> DocumentInfo:
    document = _open(path)
    props = document.core_properties
    issuer = _company(path) or (props.author or "").strip()
    date = props.created.date().isoformat() if props.created else ""
    return DocumentInfo(title=(props.title or "").strip(), issuer=issuer, date=date,
                        kind=(props.category or "").strip(), file_date=True)


def _company(path: Path) -> str:
    """docProps/app.xml's Company: the organisation, better than the person who typed the file."""
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return ""
    m = re.search(r"<(?:\w+:)?Company>([^<]*)</(?:\w+:)?Company>", xml)
    return " ".join(m.group(1).split()) if m else ""
