"""The shipped seeds: cleaning loses no content, DESA keeps its own numbers,
boilerplate is gone, page-break splits are rejoined.

The reference for "no content lost" is written here independently of
courseforge.sources.clean: the original text with only the markup we allow
the cleaner to remove taken out, listed literally below.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import pytest

from courseforge.sources.ingest import load_corpus
from courseforge.sources.model import Document

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DESA = "desa-2004-social-perspective"

# Whole lines the cleaner may drop: share buttons, the footer link list,
# decoration, the contents title and its "Pages" column head.
DROPPABLE_LINES = {
    "Twitter Facebook Flickr Youtube RSS Share",
    "Bookmark and Share",
    "Organisation des Nations Unies Présidence de la République France Diplomatie "
    "La France à l'Office des Nations Unies à Genève Union Européenne Première réunion de l'ONU",
    "-0-0-0-0-0-0-",
    "CONTENTS",
    "<i>Pages</i>",
}
# A table-of-contents line: dot leader or tab, then a page number ("1-4").
TOC_LINE = re.compile(r"(?:\.{3,}|\t)\s*\d+(?:-\d+)?\s*$")
NAV = "Retour à la table des matières"
ESCAPED_FOOTNOTE = "<sup>&</sup>lt;sup>1</sup>"  # 003 line 9, before the footnote text
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# Paragraph markers that become ids/labels: "18. ", "(ii) ", "1 " (from "- 1**").
LEADING_MARKER = re.compile(r"^\s*(?:\d{1,3}\.?\s+|\([ivx]+\)\s+)")


def allowed_markup_removed(raw: str) -> list[str]:
    """The original's lines with only the allowed markup taken out."""
    lines = []
    for line in raw.splitlines():
        if line.strip() in DROPPABLE_LINES or TOC_LINE.search(line):
            continue
        line = line.replace(NAV, "").replace(ESCAPED_FOOTNOTE, "")
        line = re.sub(r"<sup>\d+</sup>", "", line)  # footnote markers
        line = re.sub(r"</?(?:sup|u|i)>", "", line)  # tags; their words stay
        line = line.replace("*", "")  # bold and italic markers
        line = re.sub(r"^\s*#+\s*", "", line)  # heading markers
        line = re.sub(r"^\s*[-—]\s+", "", line)  # list markers
        lines.append(" ".join(line.split()))
    return [line for line in lines if line]


def cleaned_lines(doc: Document) -> list[str]:
    """What the corpus keeps: section titles, and each paragraph with the
    document's own marker (its label) in front."""
    out = [s.title for s in doc.sections]
    out += [f"{p.label} {p.text}" if p.label else p.text for p in doc.paragraphs]
    return out


def sentence_fragments(line: str) -> list[str]:
    line = LEADING_MARKER.sub("", line)
    parts = re.split(r"(?<=[.!?])\s+", line)
    return [p for p in parts if len(re.findall(r"[^\W\d_]+", p)) >= 2]


def missing_content(raw: str, doc: Document) -> tuple[Counter, list[str]]:
    """Numbers (with multiplicity) and sentences of the original that the
    cleaned document lacks."""
    original = allowed_markup_removed(raw)
    kept = cleaned_lines(doc)
    kept_text = "\n".join(" ".join(k.split()) for k in kept)
    numbers_before = Counter(n for line in original for n in NUMBER.findall(line))
    numbers_after = Counter(n for line in kept for n in NUMBER.findall(line))
    missing_numbers = numbers_before - numbers_after
    missing_sentences = [f for line in original for f in sentence_fragments(line) if f not in kept_text]
    return missing_numbers, missing_sentences


@pytest.fixture(scope="module")
def corpus():
    corpus, diags = load_corpus(SEEDS, ROOT)
    assert [str(d) for d in diags] == []
    return corpus


def test_all_five_seeds_load(corpus):
    assert [d.id for d in corpus.documents] == [
        "unesco-2006-contribution",
        "unitar-2008-seminar-series",
        DESA,
        "unitar-2012-coordination-input",
        "france-2013-migration-development",
    ]
    for doc in corpus.documents:
        ids = [p.id for p in doc.paragraphs]
        assert len(ids) == len(set(ids)), doc.id
        sids = [s.id for s in doc.sections]
        assert len(sids) == len(set(sids)), doc.id


@pytest.mark.parametrize("doc_index", range(5))
def test_cleaning_loses_no_number_year_or_sentence(corpus, doc_index):
    doc = corpus.documents[doc_index]
    raw = (SEEDS / doc.entry.file).read_text(encoding="utf-8")
    missing_numbers, missing_sentences = missing_content(raw, doc)
    assert missing_numbers == Counter(), f"{doc.id}: numbers lost"
    assert missing_sentences == [], f"{doc.id}: sentences lost"
    years_before = Counter(y for line in allowed_markup_removed(raw) for y in YEAR.findall(line))
    years_after = Counter(y for line in cleaned_lines(doc) for y in YEAR.findall(line))
    assert years_before - years_after == Counter()


def test_the_content_check_sees_the_years():
    years = Counter(
        y for f in sorted(SEEDS.glob("*.txt")) for line in allowed_markup_removed(f.read_text(encoding="utf-8")) for y in YEAR.findall(line)
    )
    assert years["2004"] == 3 and years["2013"] == 9 and years["1951"] == 3


def test_content_check_catches_a_lost_paragraph_and_a_changed_number(corpus):
    """The check above can fail: damage copies of the DESA note and see."""
    doc = corpus.document(DESA)
    raw = (SEEDS / doc.entry.file).read_text(encoding="utf-8")
    assert missing_content(raw, doc) == (Counter(), [])

    dropped = copy.deepcopy(doc)
    for s in dropped.sections:
        s.paragraphs = [p for p in s.paragraphs if p.id != "18"]
    numbers, sentences = missing_content(raw, dropped)
    assert numbers == Counter({"18": 1, "80": 1})
    assert "Hope for an income producing work is the overwhelming motivation to emigrate." in sentences

    changed = copy.deepcopy(doc)
    changed.paragraph("9").text = changed.paragraph("9").text.replace("175 million", "17 million")
    numbers, sentences = missing_content(raw, changed)
    assert numbers == Counter({"175": 1})
    assert len(sentences) == 1 and sentences[0].startswith("This negative image is associated")

    retitled = copy.deepcopy(doc)
    retitled.sections[1].title = "Introduction"  # lost "I." is fine, but a lost heading word is not
    retitled.sections[2].title = "II. Elements for a perspective on international migration"
    numbers, sentences = missing_content(raw, retitled)
    assert sentences == ["Elements for a social perspective on international migration"]


def test_desa_paragraph_ids_are_the_documents_own_numbers(corpus):
    doc = corpus.document(DESA)
    raw_lines = (SEEDS / doc.entry.file).read_text(encoding="utf-8").splitlines()
    body_start = raw_lines.index("I. Introduction")  # the heading, not the contents line
    annex_start = raw_lines.index("Annex")

    def starts(lines: list[str], last: int) -> dict[str, str]:
        """Scan forward for "1. ", "2. ", ... in order; numbered sub-headings
        ("1. Public perception ...") are skipped because the scan looks for
        the next expected number only."""
        out, n = {}, 1
        for line in lines:
            m = re.match(rf"^{n}\.\s+(.*)", line)
            if m:
                out[str(n)] = " ".join(m.group(1).replace("*", "").split())[:40]
                n += 1
                if n > last:
                    break
        return out

    body = starts(raw_lines[body_start:annex_start], 38)
    annex = starts(raw_lines[annex_start:], 12)
    assert len(body) == 38 and len(annex) == 12
    for number, start in body.items():
        assert doc.paragraph(number).text.startswith(start), number
        assert doc.paragraph(number).label == number
    for number, start in annex.items():
        assert doc.paragraph(f"annex-{number}").text.startswith(start), number
    assert doc.paragraph("18").text.startswith("Hope for an income producing work")
    assert doc.paragraph("18").line == 96
    assert doc.paragraph("annex-6").text.startswith("Within the United Nations system, the International Labour Organization")
    numbered = {p.id for p in doc.paragraphs if re.fullmatch(r"\d+", p.id)}
    assert numbered == {str(n) for n in range(1, 39)}
    annexed = {p.id for p in doc.paragraphs if re.fullmatch(r"annex-\d+", p.id)}
    assert annexed == {f"annex-{n}" for n in range(1, 13)}
    # numbered sub-headings are section titles, not paragraphs
    titles = [s.title for s in doc.sections]
    assert "1. Public perception of migration and migrants" in titles
    assert "(i) A decent work and sufficient income" in titles
    assert not any(p.text.startswith("Public perception of migration") for p in doc.paragraphs)


def test_desa_unnumbered_blocks_belong_to_the_paragraph_before_them(corpus):
    doc = corpus.document(DESA)
    assert [p.id for p in doc.paragraphs if p.id.startswith("37-")] == ["37-i", "37-ii", "37-iii", "37-iv", "37-v"]
    assert doc.paragraph("37-iv").text.startswith("A normative horizon and orderly regime")
    assert doc.paragraph("37-iv").label == "iv"
    assert doc.paragraph("33-a").text == "What are the reasons for strengthening international cooperation in this domain?"
    assert doc.paragraph("35-c").text.startswith("Thirdly, it is unfortunately very probable")
    assert doc.paragraph("annex-7-a").text == (
        "Estimates put the number of refugees at 16 million and the number of internally displaced persons at 15 to 20 million."
    )
    front = [p for p in doc.paragraphs if p.kind == "front"]
    assert [p.id for p in front] == [f"front-{n}" for n in range(1, 10)]
    assert front[1].text == "16 January 2004"


def test_reading_order_ids_elsewhere(corpus):
    unesco = corpus.document("unesco-2006-contribution")
    assert [p.id for p in unesco.paragraphs] == ["front-1", "front-2"] + [str(n) for n in range(1, 10)]
    assert unesco.paragraph("1").text.startswith("The United Nations Secretary General has proposed")
    assert unesco.paragraph("1").label == "1"  # the "- 1**" marker
    assert [s.title for s in unesco.sections] == [
        unesco.entry.title,
        "UNESCO's contribution",
        "4 Migration and education",
        "7 Migration and cultural diversity",
    ]
    france = corpus.document("france-2013-migration-development")
    assert france.paragraph("1").text.startswith("On 3 and 4 October 2013 the second high-level dialogue")
    assert [s.title for s in france.sections][:3] == [
        "High-level dialogue from October 3 to 4, 2013",
        "46th Commission on Population and Development",
        "1. Présentation",
    ]
    unitar = corpus.document("unitar-2012-coordination-input")
    note = unitar.paragraph("3")
    assert (note.kind, note.label, note.text) == (
        "footnote",
        "1",
        "The views expressed in the paper do not imply the expression of any opinion on the part of the United Nations Secretariat.",
    )


def all_text(corpus) -> list[str]:
    return [s.title for d in corpus.documents for s in d.sections] + [p.text for d in corpus.documents for p in d.paragraphs]


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Twitter", "Flickr", "Youtube", "RSS Share",  # share buttons
        "Bookmark and Share",
        "Retour à la table des matières",  # navigation
        "Présidence de la République", "Première réunion de l'ONU",  # footer link list
        "<sup>", "</sup>", "<u>", "<i>", "&lt;", "&gt;", "&amp;",  # tag remnants, escaped tags
        "**", "##", "1**",  # Markdown emphasis, headings, mangled markers
        ".....", "-0-0-",  # contents leaders, decoration
    ],
)
def test_boilerplate_is_gone(corpus, boilerplate):
    assert [t for t in all_text(corpus) if boilerplate in t] == []


def test_contents_lines_and_markers_are_not_paragraphs(corpus):
    texts = all_text(corpus)
    assert "CONTENTS" not in texts and "Pages" not in texts
    assert not any(t.startswith(("- ", "* ", "— ", "# ")) for t in texts)
    desa = corpus.document(DESA)
    # the contents list says "Public perceptions" (plural); the heading says "perception"
    assert not any("Public perceptions of migration and migrants" in t for t in texts)
    assert [s.title for s in desa.sections].count("I. Introduction") == 1
    # superscript ordinals are text, footnote markers are not
    unitar = corpus.document("unitar-2012-coordination-input")
    assert "at the 51st session of UNITAR's Board of Trustees" in unitar.paragraph("6").text
    assert unitar.sections[1].title.endswith("ON INTERNATIONAL MIGRATION")
    assert "(http://www.unitar.org/ny/international-law-and-policy/migration-and-development-series)" in unitar.paragraph("5").text
    unesco = corpus.document("unesco-2006-contribution")
    assert "on international migration. This would be" in unesco.paragraph("1").text


@pytest.mark.parametrize(
    ("doc_id", "para_id", "joined", "ends"),
    [
        (DESA, "11", "immigration and transit - was seen by the Forum as a condition for a government", "that the Government is in charge."),
        (DESA, "21", "the number of undocumented and illegal immigrants has continued to increase in the last few years.", "of abusive employers, abound."),
        (DESA, "25", "reasonable prospects for the future, are equally important. From the viewpoint", "when bringing home the expected savings."),
        (DESA, "29", "and are tolerated guests contributes to the idea that inequalities", "has to be constantly reinvented."),
        (DESA, "35-c", "other elements such as the demand for immigration, the labour shortages", "a more intense cooperation at all levels."),
        (DESA, "37-ii", "the expectations of both the migrants and their temporary or long-term hosts.", "in an international setting."),
        ("unitar-2008-seminar-series", "8", "the ambiguous and the negative linkages between international migration and development.", "into other policy areas."),
        ("unitar-2012-coordination-input", "10", "(CentresCifal) in a priority area which is currently under serviced,", "North America and Western Europe."),
    ],
)
def test_page_break_splits_are_rejoined(corpus, doc_id, para_id, joined, ends):
    p = corpus.document(doc_id).paragraph(para_id)
    assert joined in p.text
    assert p.text.endswith(ends)


def test_no_paragraph_starts_in_the_middle_of_a_sentence(corpus):
    for doc in corpus.documents:
        for p in doc.paragraphs:
            assert not p.text[:1].islower(), (doc.id, p.id, p.text[:40])


def test_excerpts_cut_mid_sentence_are_kept_as_they_are(corpus):
    """UNESCO's excerpts stop mid-sentence before a heading; nothing follows
    to join, and nothing is invented."""
    unesco = corpus.document("unesco-2006-contribution")
    assert unesco.paragraph("2").text.endswith("the Organization could contribute to the consultative")
    assert unesco.paragraph("3").text.startswith("As a clearing house, by gathering")
    assert unesco.paragraph("9").text.endswith("lead to fragmented societies. In")


def test_paragraph_lines_point_at_the_seed(corpus):
    for doc in corpus.documents:
        lines = (SEEDS / doc.entry.file).read_text(encoding="utf-8").splitlines()
        for p in doc.paragraphs:
            first_words = " ".join(p.text.split()[:2]).replace("*", "")
            source_line = lines[p.line - 1].replace("*", "")
            assert first_words.split()[0] in source_line, (doc.id, p.id, p.line)
