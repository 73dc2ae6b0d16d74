"""PDF, Word, HTML, Markdown and text seeds, written by the tests, read back with nothing lost.

Each format gets the same fictional document (tests/sources/documents.py):
every number, year and sentence of it must be in the corpus, its own
numbering must give the paragraph ids, and what is not content (a PDF's
running header, footer and page numbers, a web page's navigation, scripts
and footer) must be gone.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from courseforge.sources.formats import FormatError, read_document
from courseforge.sources.formats import pdf as pdfmod
from courseforge.sources.ingest import load_corpus

_spec = importlib.util.spec_from_file_location("format_documents", Path(__file__).with_name("documents.py"))
documents = importlib.util.module_from_spec(_spec)
sys.modules["format_documents"] = documents
_spec.loader.exec_module(documents)

FORMATS = list(documents.WRITERS)


def seeds_with(tmp_path: Path, files: dict[str, object]) -> Path:
    """A seeds/ folder with the given files (name -> writer or bytes) and a sources.yml listing them."""
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    entries = []
    for i, (name, content) in enumerate(files.items()):
        if callable(content):
            content(seeds / name)
        else:
            (seeds / name).write_bytes(content)
        entries.append(f"- id: doc-{i}\n  file: {name}\n  title: Document {i}\n  issuer: Tests\n  date: \"2024\"\n"
                       "  kind: rules\n")
    (seeds / "sources.yml").write_text("\n".join(entries), encoding="utf-8")
    return seeds


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """Each format's document, loaded through load_corpus."""
    out = {}
    for ext in FORMATS:
        tmp = tmp_path_factory.mktemp(ext.strip("."))
        seeds = seeds_with(tmp, {f"garden{ext}": documents.WRITERS[ext]})
        corpus, diags = load_corpus(seeds, tmp)
        out[ext] = (corpus, diags, seeds / f"garden{ext}")
    return out


@pytest.mark.parametrize("ext", FORMATS)
def test_every_number_year_and_sentence_survives(loaded, ext):
    corpus, diags, _ = loaded[ext]
    assert [str(d) for d in diags] == []
    doc = corpus.documents[0]
    numbers, sentences = documents.missing(doc)
    assert numbers == Counter(), f"{ext}: numbers lost"
    assert sentences == [], f"{ext}: sentences lost"


@pytest.mark.parametrize("ext", FORMATS)
def test_the_documents_own_numbers_are_the_ids(loaded, ext):
    doc = loaded[ext][0].documents[0]
    for n in range(1, 10):
        p = doc.paragraph(str(n))
        assert p is not None and p.label == str(n), (ext, n)
        assert p.text.startswith("Members of plot" if n < 9 else "Surplus vegetables"), (ext, n)
    assert doc.paragraph("3-a").text == "Tools are returned to shed 4 before sunset."
    assert doc.paragraph("3-b").text == "Hoses longer than 25 metres need the warden's approval."
    titles = [s.title for s in doc.sections]
    assert "Part I. Membership" in titles and "Part II. Harvest" in titles


def test_content_check_can_fail(loaded):
    """The no-loss check above catches a dropped paragraph and a changed figure."""
    import copy

    doc = copy.deepcopy(loaded[".txt"][0].documents[0])
    for s in doc.sections:
        s.paragraphs = [p for p in s.paragraphs if p.id != "9"]
    doc.paragraph("2").text = doc.paragraph("2").text.replace("62 households", "6 households")
    numbers, sentences = documents.missing(doc)
    assert numbers == Counter({"1,250": 1, "62": 1, "9": 1, "2023": 1})
    assert any(s.startswith("Surplus vegetables") for s in sentences)


def all_text(doc) -> str:
    return "\n".join(documents.kept_lines(doc))


def test_pdf_page_furniture_is_gone_and_words_and_paragraphs_are_rejoined(loaded):
    import pypdf

    doc = loaded[".pdf"][0].documents[0]
    raw_pages = [p.extract_text() for p in pypdf.PdfReader(str(loaded[".pdf"][2])).pages]
    # the document really has what must be removed: a header and numbered footers on every page,
    # words hyphenated at line ends, and a paragraph running over a page break
    assert len(raw_pages) >= 3
    assert all("Garden Rules 2024" in t and f"Page {i} of {len(raw_pages)}" in t for i, t in enumerate(raw_pages, 1))
    assert any("neighbour-\nhood" in t or "Disagreeme-\nnts" in t for t in raw_pages)
    text = all_text(doc)
    assert "Garden Rules 2024" not in text and "Page " not in text and " of 4" not in text
    assert "neighbour-" not in text and "neighbourhood communication" in text
    assert "-\n" not in text
    for p in doc.paragraphs:
        if p.kind == "paragraph" and p.label:
            assert p.text.endswith("days.") or p.id == "9", (p.id, p.text[-30:])
    # the footnote marker is gone, the footnote's text is kept as a footnote
    assert doc.paragraph("9").text.endswith("1,250 kilograms in 2023.")
    notes = [p for p in doc.paragraphs if p.kind == "footnote"]
    assert [(p.label, p.text) for p in notes] == [("1", "Figures from the pantry's register for 2023.")]


def test_html_keeps_the_main_content_only(loaded):
    doc = loaded[".html"][0].documents[0]
    text = all_text(doc)
    for furniture in ("Home", "Plots 2024", "Rules 2024", "Opening hours", "Copyright", "Contact", "var menu",
                      "font-family"):
        assert furniture not in text, furniture
    assert doc.paragraph("9").text.endswith("in 2023.")  # <sup>1</sup> was a footnote marker


def test_docx_numbering_comes_from_words_list_definitions(loaded):
    text = read_document(loaded[".docx"][2])
    assert "\n\n1. Members of plot 7" in text and "\n\n(a) Tools are returned" in text
    assert "\n\n(b) Hoses" in text and "\n\n4. Members of plot 28" in text  # the sub-list does not restart 1.
    assert "# Part I. Membership" in text


def test_markdown_and_text_read_as_before(loaded):
    for ext in (".md", ".txt"):
        doc = loaded[ext][0].documents[0]
        assert "**" not in all_text(doc)


# --- documents that cannot be read -----------------------------------------------------


def scanned_pdf(path: Path) -> None:
    """A page with only a picture on it, as a scanner makes."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for i in range(20):
        pdf.rect(20, 20 + i * 10, 150, 4, style="F")  # lines of "text" that are only marks
    pdf.output(str(path))


def protected_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    documents.write_pdf(path.with_suffix(".plain.pdf"))
    writer = PdfWriter(clone_from=str(path.with_suffix(".plain.pdf")))
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    path.with_suffix(".plain.pdf").unlink()


def truncated_pdf(path: Path) -> None:
    documents.write_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


BROKEN = {
    "scan.pdf": (scanned_pdf, "has no text layer (a scanned document?)"),
    "locked.pdf": (protected_pdf, "is password-protected"),
    "damaged.pdf": (truncated_pdf, "is not a readable PDF"),
    "junk.pdf": (b"this is not a pdf at all\n" * 20, "is not a readable PDF"),
    "damaged.docx": (b"PK\x03\x04 broken zip", "is not a readable Word document"),
    "plain.docx": (b"just some text, not a Word file", "is not a readable Word document"),
    "old.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected or an old Word (.doc) file"),
    "empty.html": (b"<html><body><nav>Home | About</nav><script>x()</script></body></html>", "has no text outside navigation"),
}


def test_unreadable_documents_are_named_and_the_others_still_load(tmp_path):
    files = {name: content for name, (content, _) in BROKEN.items()}
    files["garden.pdf"] = documents.write_pdf
    seeds = seeds_with(tmp_path, files)
    corpus, diags = load_corpus(seeds, tmp_path)
    assert [d.entry.file for d in corpus.documents] == ["garden.pdf"]
    by_file = {d.path: d for d in diags}
    for name, (_, message) in BROKEN.items():
        d = by_file[f"seeds/{name}"]
        assert message in d.message and d.severity == "error", (name, d.message)
        assert "Traceback" not in d.message
    assert set(corpus.unavailable) == {f"doc-{i}" for i in range(len(BROKEN))}


def test_protected_pdf_says_what_to_do(tmp_path):
    protected_pdf(tmp_path / "locked.pdf")
    with pytest.raises(FormatError, match="save an unprotected copy"):
        read_document(tmp_path / "locked.pdf")


def test_a_pdf_whose_owner_password_only_restricts_printing_still_reads(tmp_path):
    from pypdf import PdfWriter

    documents.write_pdf(tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=str(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    with (tmp_path / "open.pdf").open("wb") as fh:
        writer.write(fh)
    assert "Members of plot 7" in read_document(tmp_path / "open.pdf")


# --- the PDF cleaning steps on their own ---------------------------------------------------


def L(text, y, size=10.0):
    return pdfmod.Line(text, y, size)


def test_running_headers_footers_and_page_numbers_go():
    pages = [[L("Annual Report 2024", 800, 8), L(f"Body text of page {n}.", 700), L(f"- {n} -", 40, 8)]
             for n in range(1, 4)]
    kept = pdfmod.remove_furniture(pages)
    assert [[l.text for l in p] for p in kept] == [[f"Body text of page {n}."] for n in range(1, 4)]


def test_a_sentence_that_opens_every_page_is_not_furniture():
    pages = [[L("Safety first.", 800), L(f"Rule {n} of the yard", 760), L(f"The rule numbered {n}.", 700),
              L("Closing words.", 600)] for n in range(1, 4)]
    kept = pdfmod.remove_furniture(pages)
    # furniture is at the very edge: behind a sentence that stays, nothing is taken either
    assert [[l.text for l in p] for p in kept] == [[l.text for l in p] for p in pages]


def test_page_numbers_of_many_shapes():
    for text in ("12", "- 12 -", "Page 12", "page 3 of 40", "12/40", "iv", "(7)"):
        assert pdfmod._PAGE_NUMBER.match(text), text
    for text in ("12 March", "Article 12", "2024 budget"):
        assert not pdfmod._PAGE_NUMBER.match(text), text


def test_dehyphenate():
    assert pdfmod.dehyphenate(["the harbour han-", "dled 4,500 vessels"]) == ["the harbour handled", "4,500 vessels"]
    assert pdfmod.dehyphenate(["a well-", "Known name"]) == ["a well-", "Known name"]  # a capital: a real hyphen
    assert pdfmod.dehyphenate(["co\u00ad", "operation"]) == ["cooperation"]
    assert pdfmod.dehyphenate(["in 2019-", "2020 there"]) == ["in 2019-", "2020 there"]


def test_a_long_word_document_looks_up_each_style_once(tmp_path, monkeypatch):
    # python-docx finds the style of a paragraph without one of its own by scanning every style
    # of the document (about 2 ms): done for each paragraph, 1 MB of text took some 20 s of CPU to read.
    import docx
    from docx.parts.document import DocumentPart

    d = docx.Document()
    d.add_heading("Rules", 1)
    for i in range(300):
        d.add_paragraph(f"Paragraph {i} of the rules sets out duty number {i}.")
    d.add_heading("Annex", 1)
    d.add_paragraph("The annex lists the forms.", style="List Number")
    d.save(str(tmp_path / "long.docx"))
    calls = []
    real = DocumentPart.get_style

    def get_style(self, style_id, style_type):
        calls.append(style_id)
        return real(self, style_id, style_type)

    monkeypatch.setattr(DocumentPart, "get_style", get_style)
    text = read_document(tmp_path / "long.docx")
    assert "Paragraph 299 of the rules sets out duty number 299." in text and "# Annex" in text
    assert sorted(calls, key=str) == sorted([None, "Heading1", "ListNumber"], key=str)  # once per style id
