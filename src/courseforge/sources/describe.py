"""A draft ``sources.yml`` entry for a document, for ``courseforge new``.

Each field comes from the document's own metadata where it records one
(PDF document properties, Word core properties, HTML ``<title>`` and
``<meta>``), else from its first lines (a heading for the title, an
organisation's name for the issuer, a printed date), else a placeholder. A
date printed on the document wins over a file's creation date, which is only
when the file was saved. Every field says where it came from, so the entry
written can ask the trainer to confirm it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import clean
from .formats import READERS, DocumentInfo, FormatError, document_metadata, read_document

FIRST_LINES = 15
TITLE_MAX = 150
ID_WORDS = 5

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATES = (
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
    re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
    re.compile(rf"\b({_MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
    re.compile(r"\b((?:19|20)\d\d)\b"),
)
_MONTH_NUMBER = {m: i for i, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")), 1) for m in names}
_ORGANISATION = re.compile(
    r"\b(?:ministry|ministère|department|office|agency|authority|council|commission|committee|board|"
    r"university|institute|association|foundation|federation|union|organi[sz]ation|secretariat|government|"
    r"bureau|service|centre|center|library|bank|company|corporation|inc|ltd|gmbh|trust|society|network|"
    r"city of|county|municipality|school|hospital|court|parliament|assembly|directorate|division)\b", re.I)
# What kind of document, from words of its title or first lines; the first match wins.
KINDS = (
    ("code of conduct", "code of conduct"), ("terms of reference", "terms of reference"),
    ("standard operating procedure", "procedure"), ("guidelines", "guidelines"), ("guideline", "guidelines"),
    ("guidance", "guidance"), ("handbook", "handbook"), ("manual", "manual"), ("policy", "policy"),
    ("regulation", "regulation"), ("directive", "directive"), ("resolution", "resolution"),
    ("convention", "convention"), ("declaration", "declaration"), ("charter", "charter"), ("treaty", "treaty"),
    ("statute", "statute"), ("act", "act"), ("law", "law"), ("decree", "decree"), ("strategy", "strategy"),
    ("action plan", "action plan"), ("plan", "plan"), ("annual report", "annual report"), ("report", "report"),
    ("procedure", "procedure"), ("protocol", "protocol"), ("framework", "framework"), ("memorandum", "memorandum"),
    ("briefing", "briefing note"), ("note", "note"), ("minutes", "minutes"), ("agreement", "agreement"),
    ("contract", "contract"), ("rules", "rules"), ("standard", "standard"), ("checklist", "checklist"),
    ("faq", "questions and answers"), ("article", "article"),
)
_UNTITLED = re.compile(r"^(?:untitled|document\d*|microsoft word\s*-?.*|title|sans titre|\W*)$", re.I)


@dataclass
class SourceDraft:
    id: str
    file: str
    title: str
    issuer: str
    date: str
    kind: str
    # field → where its value came from ("the PDF's properties", "line 1", ...)
    # or "" when it is a placeholder the trainer must replace
    origin: dict[str, str] = field(default_factory=dict)


def first_lines(text: str, n: int = FIRST_LINES) -> list[str]:
    """The document's first ``n`` lines of title-page material, markup removed.

    A block of running text (a long block ending like a sentence) counts as
    one line, so a year in a wrapped sentence is not taken for the date;
    other blocks give each of their lines (a title page without blank lines
    between the title, the issuer and the date).
    """
    out = []
    for raw in re.split(r"\n\s*\n", text):
        rows = []
        for row in raw.splitlines():
            md = clean.md_heading(row)
            row = clean.clean_inline(md[1] if md else row)
            if row and not clean.is_decoration(row):
                rows.append(row)
        joined = " ".join(rows)
        if len(rows) > 1 and len(joined) > DATE_LINE and joined[-1:] in ".;:!?":
            rows = [joined]
        for row in rows:
            out.append(row)
            if len(out) >= n:
                return out
    return out


DATE_LINE = 60  # a date on a title page stands on a short line; one in running text is about something else


def find_date(lines: list[str]) -> str:
    """The first date printed on a short line of ``lines``, as precise as printed: "2004-01-16", "2019-03",
    "2019". A month or a year alone counts only on a line that is not a sentence ("Annual report 2019")."""
    short = [line for line in lines if len(line) <= DATE_LINE]
    # a day or a month is looked for on longer lines too, when they are not sentences ("Prepared by …, Suva,
    # June 2021"); a year alone there is too often about something else
    longer = [line for line in lines if len(line) <= 2 * DATE_LINE and line.rstrip()[-1:] not in ".;:!?"]
    for pattern_index, pattern in enumerate(_DATES):
        for line in (longer if pattern_index <= 3 else short):
            if pattern_index >= 3 and (line.rstrip()[-1:] in ".;," or not re.search(r"[^\W\d_]{3}", line)):
                continue  # a sentence, or a table row of figures
            m = pattern.search(line)
            if not m:
                continue
            g = m.groups()
            if pattern_index == 0:
                return f"{g[0]}-{g[1]}-{g[2]}"
            if pattern_index == 1:
                return f"{g[2]}-{_MONTH_NUMBER[g[1].lower()]:02d}-{int(g[0]):02d}"
            if pattern_index == 2:
                return f"{g[2]}-{_MONTH_NUMBER[g[0].lower()]:02d}-{int(g[1]):02d}"
            if pattern_index == 3:
                return f"{g[1]}-{_MONTH_NUMBER[g[0].lower()]:02d}"
            return g[0]
    return ""


def _title_line(text: str, lines: list[str]) -> str:
    """The first heading near the top; else the first line that is neither an organisation's name nor a date."""
    for raw in text.splitlines()[:40]:
        md = clean.md_heading(raw)
        if md and clean.clean_inline(md[1]):
            return clean.clean_inline(md[1])
    for line in lines[:5]:
        # "Charter of the ... Commission" names an organisation but is an instrument's title
        named_body = _ORGANISATION.search(line) and not _INSTRUMENT.match(line)
        if len(line) <= TITLE_MAX and not named_body and not _date_line(line):
            return line
    return lines[0]


_INSTRUMENT = re.compile(
    r"^(?:The\s+)?(?:[\w-]+\s+){0,3}?(?:Charter|Convention|Declaration|Resolution|Protocol|Agreement|Treaty|"
    r"Statute|Constitution|Covenant|Strategy|Framework|Guidelines|Principles|Programme of Action|Rules)\b")


def _date_line(line: str) -> bool:
    """A line that is a date, perhaps with a place ("Suva, June 2021"), rather than a title that names its
    year ("Regional Report 2021")."""
    if not find_date([line]):
        return False
    words = re.findall(r"[^\W\d_]{3,}", re.sub(rf"\b(?:{_MONTHS})\b", "", line, flags=re.I))
    return len(words) <= 2


_ISSUED_BY = re.compile(r"^(?:prepared|issued|published|adopted|written|produced)\s+by\s+", re.I)


def _issuer(line: str) -> str:
    """The organisation named on an issuer line: without "Prepared by" and a trailing place and date
    ("Prepared by the Regional Secretariat, Suva, June 2021" → "Regional Secretariat")."""
    name = _ISSUED_BY.sub("", line)
    parts = [p.strip() for p in name.split(",")]
    while len(parts) > 1 and not _ORGANISATION.search(parts[-1]):
        parts.pop()  # a place or a date after the organisation
    name = ", ".join(parts).rstrip(" .,;")
    if name != line:
        name = re.sub(r"^the\s+", "", name, flags=re.I)
    return name or line


def find_kind(*texts: str) -> str:
    joined = " ".join(texts).lower()
    for word, kind in KINDS:
        if re.search(rf"\b{re.escape(word)}s?\b", joined):
            return kind
    return ""


def slug(text: str, max_words: int = ID_WORDS) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", text.replace("'", ""))
    stop = {"the", "a", "an", "of", "on", "for", "and", "to", "in", "de", "la", "le", "les", "des", "du", "et"}
    kept = [w for w in words if w not in stop] or words
    return "-".join(kept[:max_words])[:48].strip("-")


def draft(text: str, info: DocumentInfo, file: str, fmt_name: str, used_ids: set[str]) -> SourceDraft:
    """The entry for one document, from its metadata ``info`` and its text."""
    lines = first_lines(text)
    origin: dict[str, str] = {}

    title = info.title if info.title and not _UNTITLED.match(info.title) else ""
    if title:
        origin["title"] = f"the {fmt_name}'s properties"
    elif lines:
        title = _title_line(text, lines)
        origin["title"] = "its first lines"
    else:
        title, origin["title"] = Path(file).stem.replace("_", " ").replace("-", " "), ""
    title = title[:TITLE_MAX].rstrip()

    issuer = info.issuer
    if issuer:
        origin["issuer"] = f"the {fmt_name}'s properties"
    else:
        issuer = next((_issuer(l) for l in lines[:8] if len(l) <= 100 and _ORGANISATION.search(l) and l != title),
                      "")
        origin["issuer"] = "its first lines" if issuer else ""
        issuer = issuer or "unknown"

    date = info.date if info.date and not info.file_date else ""
    if date:
        origin["date"] = f"the {fmt_name}'s properties"
    elif find_date(lines):
        date, origin["date"] = find_date(lines), "its first lines"
    elif info.date:
        date, origin["date"] = info.date, f"the date the {fmt_name} file was made"
    else:
        date, origin["date"] = "undated", ""

    kind = info.kind if info.kind and len(info.kind) <= 40 else ""
    if kind:
        origin["kind"] = f"the {fmt_name}'s properties"
    else:
        kind = find_kind(title, *lines[:3])
        origin["kind"] = "its title" if kind else ""
        kind = kind or ("web page" if fmt_name == "web page" else "document")

    base = slug(title) or slug(Path(file).stem) or "document"
    year = date[:4] if date[:4].isdigit() else ""
    if year and year not in base:
        base = f"{base}-{year}"
    doc_id, n = base, 2
    while doc_id in used_ids:
        doc_id, n = f"{base}-{n}", n + 1
    used_ids.add(doc_id)
    return SourceDraft(doc_id, file, title, issuer, date, kind, origin)


FORMAT_NAMES = {".pdf": "PDF", ".docx": "Word document", ".html": "web page", ".htm": "web page",
                ".md": "Markdown file", ".txt": "text file"}


def describe(path: Path, used_ids: set[str], text_limit: int) -> SourceDraft:
    """Read ``path`` and draft its entry; raises FormatError (or ValueError for a text file) if it cannot be read."""
    from ..fsutil import read_text_limited

    suffix = path.suffix.lower()
    if suffix in READERS:
        text, info = read_document(path), document_metadata(path)
    else:
        text, info = read_text_limited(path, text_limit), DocumentInfo()
    if not re.search(r"[^\W\d_]{2}", text):
        raise FormatError("has no text")
    return draft(text, info, path.name, FORMAT_NAMES.get(suffix, "file"), used_ids)
