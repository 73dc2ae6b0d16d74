"""Documents the format tests write: one fictional text, in each format.

The text is a set of community-garden rules (parts, articles, numbered
paragraphs, lettered items, a footnote, years and figures). ``CONTENT`` is
the reference: every number, year and sentence in it must survive reading
the document back, whatever the format. The PDF writer wraps lines itself
so that it can hyphenate words at line ends and spread paragraphs over
pages with a running header, a footer with the page number and footnotes in
a smaller font, as printed reports do.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

TITLE = "Riverside Community Garden Rules"
ISSUER = "Riverside Allotment Association"

# (kind, label, text): kind is heading | para | item | footnote
CONTENT: list[tuple[str, str, str]] = [("heading", "", "Part I. Membership")]
for n in range(1, 9):
    CONTENT.append(("para", str(n),
                    f"Members of plot {n * 7} renewed their membership in {2000 + n} and pay {n * 3 + 10} euros a "
                    f"year towards maintenance. The association's responsibilities include watering schedules, "
                    f"composting arrangements and neighbourhood communication for {n * 11 + 40} households. "
                    f"Disagreements are settled by the administration committee within {n + 20} days."))
    if n == 3:
        CONTENT.append(("item", "a", "Tools are returned to shed 4 before sunset."))
        CONTENT.append(("item", "b", "Hoses longer than 25 metres need the warden's approval."))
CONTENT.append(("heading", "", "Part II. Harvest"))
CONTENT.append(("para", "9", "Surplus vegetables go to the food pantry, which received 1,250 kilograms in 2023."))
CONTENT.append(("footnote", "1", "Figures from the pantry's register for 2023."))

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(re.findall(r"[^\W\d_]+", s)) >= 2]


def reference_numbers() -> Counter:
    return Counter(n for _, label, text in CONTENT for n in NUMBER.findall(f"{label} {text}"))


def reference_sentences() -> list[str]:
    return [s for _, _, text in CONTENT for s in sentences(text)]


def kept_lines(doc) -> list[str]:
    """What the corpus keeps of a document: section titles, and paragraphs with their printed label."""
    return [s.title for s in doc.sections] + [f"{p.label} {p.text}" if p.label else p.text for p in doc.paragraphs]


def missing(doc) -> tuple[Counter, list[str]]:
    """Numbers (with multiplicity) and sentences of CONTENT the loaded document lacks."""
    kept = kept_lines(doc)
    text = "\n".join(" ".join(k.split()) for k in kept)
    numbers = Counter(n for line in kept for n in NUMBER.findall(line))
    # the title and the page furniture add numbers; only losses count
    return reference_numbers() - numbers, [s for s in reference_sentences() if s not in text]


# --- writers ------------------------------------------------------------------


def write_txt(path: Path) -> Path:
    out = [TITLE, ISSUER, "1 June 2024", ""]
    for kind, label, text in CONTENT:
        if kind == "heading":
            out += [text, ""]
        elif kind == "para":
            out += [f"{label}. {text}", ""]
        elif kind == "item":
            out += [f"({label}) {text}", ""]
    out += [f"<sup>{label}</sup> {text}" for kind, label, text in CONTENT if kind == "footnote"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def write_md(path: Path) -> Path:
    out = [f"# {TITLE}", "", f"*{ISSUER}*, 1 June 2024", ""]
    for kind, label, text in CONTENT:
        if kind == "heading":
            out += [f"## {text}", ""]
        elif kind == "para":
            out += [f"{label}. {text.replace('1,250 kilograms', '**1,250 kilograms**')}", ""]
        elif kind == "item":
            out += [f"({label}) {text}", ""]
    out += [f"<sup>{label}</sup> {text}" for kind, label, text in CONTENT if kind == "footnote"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def write_html(path: Path) -> Path:
    import html

    e = html.escape
    body = []
    items: list[str] = []
    for kind, label, text in CONTENT:
        if kind != "item" and items:
            body.append('<ol type="a">' + "".join(items) + "</ol>")
            items = []
        if kind == "heading":
            body.append(f"<h2>{e(text)}</h2>")
        elif kind == "para":
            text = e(text).replace("in 2023.", "in 2023<sup>1</sup>.")
            body.append(f"<p>{label}. {text}</p>")
        elif kind == "item":
            items.append(f"<li>{e(text)}</li>")
        elif kind == "footnote":
            body.append(f'<p class="note"><sup>{label}</sup> {e(text)}</p>')
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(TITLE)} | Riverside Gardens</title>
<meta name="dc.publisher" content="{e(ISSUER)}"><meta name="dc.date" content="2024-06-01">
<style>body {{ font-family: sans-serif; }}</style><script>var menu = "<p>Home</p>";</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/plots">Plots 2024</a></li></ul></nav></header>
<div class="breadcrumb">Home &gt; Rules 2024</div>
<main><h1>{e(TITLE)}</h1>
{"".join(body)}
</main>
<aside>Opening hours 8 to 20</aside><footer>Copyright 2024 Riverside Gardens · <a href="/contact">Contact</a></footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path


def write_docx(path: Path) -> Path:
    """Word's own numbering: numbered paragraphs "1." and lettered items "(a)" come from a list definition, not the text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.core_properties.title = TITLE
    d.core_properties.author = ISSUER
    d.core_properties.category = "rules"
    numbering = d.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    d.add_heading(TITLE, 0)
    d.add_paragraph(ISSUER)
    d.add_paragraph("1 June 2024")
    for kind, label, text in CONTENT:
        if kind == "heading":
            d.add_heading(text, 1)
        elif kind == "para":
            numbered(text, 0)
        elif kind == "item":
            numbered(text, 1)
        elif kind == "footnote":
            d.add_paragraph(f"Note {label}: {text}")
    d.save(str(path))
    return path


def _wrap(text: str, width: float, measure) -> list[str]:
    """Greedy line wrap that hyphenates a long word at the line end, as typesetting does."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if measure(trial) <= width:
            line = trial
            continue
        if len(word) >= 7:  # hyphenate: as much of the word as fits, then "-"
            for cut in range(len(word) - 3, 3, -1):
                head = f"{line} {word[:cut]}-".strip()
                if word[:cut].isalpha() and measure(head) <= width:
                    lines.append(head)
                    word = word[cut:]
                    line = ""
                    break
        if line:
            lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def write_pdf(path: Path, pages_header: str = "Riverside Allotment Association - Garden Rules 2024") -> Path:
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, pages_header, new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

        def footer(self):
            self.set_y(-14)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc(format=(105, 148))  # A6: paragraphs run over pages
    pdf.set_auto_page_break(False)
    pdf.set_title(TITLE)
    pdf.set_author(ISSUER)
    pdf.set_subject("rules")
    pdf.set_margins(10, 10, 10)
    pdf.add_page()
    width = pdf.w - 20
    bottom = pdf.h - 24
    notes: list[tuple[str, str]] = []

    def need(h: float) -> None:
        if pdf.get_y() + h > bottom:
            flush_notes()
            pdf.add_page()

    def flush_notes() -> None:
        if not notes:
            return
        pdf.set_font("Helvetica", size=7)
        pdf.set_y(bottom - 4 * len(notes))
        for label, text in notes:
            pdf.cell(0, 4, f"{label} {text}", new_x="LMARGIN", new_y="NEXT")
        notes.clear()

    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 9, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, ISSUER, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "1 June 2024", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for kind, label, text in CONTENT:
        if kind == "heading":
            need(16)
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
            continue
        if kind == "footnote":
            notes.append((label, text))
            continue
        pdf.set_font("Helvetica", size=10)
        lead = f"{label}. " if kind == "para" else f"({label}) "
        marked = text.endswith("in 2023.")
        lines = _wrap(lead + text, width, pdf.get_string_width)
        for i, line in enumerate(lines):
            need(5)
            if marked and i == len(lines) - 1 and line.endswith("2023."):
                pdf.write(5, line[:-1])
                pdf.set_font("Helvetica", size=6)
                pdf.char_vpos = "SUP"
                pdf.write(5, "1")
                pdf.char_vpos = "LINE"
                pdf.set_font("Helvetica", size=10)
                pdf.write(5, ".")
                pdf.ln(5)
            else:
                pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    flush_notes()
    pdf.output(str(path))
    return path


WRITERS = {".txt": write_txt, ".md": write_md, ".html": write_html, ".docx": write_docx, ".pdf": write_pdf}
