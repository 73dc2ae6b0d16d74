"""load_corpus on a corpus written here: another topic, .txt and .md,
numbered and unnumbered paragraphs."""

from __future__ import annotations

from pathlib import Path

from courseforge.sources.ingest import load_corpus
from courseforge.sources.model import paragraph_anchor

SOURCES = """\
# Seeds of a water-management course
- id: wmo-2019-drought-note
  file: drought-note.txt
  title: Drought Preparedness in Dry Regions
  issuer: Water Office
  date: "2019-03-22"
  kind: background note

- id: river-2021-basin-guide
  file: basin-guide.md
  title: A Guide to River Basin Councils
  issuer: Basin Network
  date: 2021
  kind: guide
  language: fr
"""

DROUGHT = """\
WATER OFFICE

22 March 2019

I. Why drought matters

1. Droughts affected 55 million people in 2018, more than any other hazard in the region.
2. Losses to farming reached 3.5 per cent of output in the worst years, and recovery took
three seasons on average.

1. Early warning

3. Early warning works when forecasts reach farmers at least 30 days before planting, and when

advice comes with seed and credit that let them act on it.

4. Three measures are proposed:

- seasonal forecasts in local languages;
- reserve seed stocks in every district.

Annex

1. The 2012 regional plan listed 14 pilot districts.
2. Of these, 9 reported lower losses by 2016.
"""

BASIN = """\
Share Twitter Facebook

# A Guide to River Basin Councils

*Basin Network*

## 1 What a council does

A basin council brings together **every user of one river**: towns, farms, industry
and the people downstream<sup>1</sup>. It meets at least twice a year.

- Council members serve for 4 years.
- Decisions need a two-thirds majority.

## 2 Paying for the work

Councils raise fees from large users &amp; receive a share of national budgets
(see [the fee guide](https://basin.example/fees)).

> A council is only as strong as its weakest member.

<sup>1</sup> Downstream users are often left out of such councils.

Retour à la table des matières
"""


def write_course(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (seeds / "drought-note.txt").write_text(DROUGHT, encoding="utf-8")
    (seeds / "basin-guide.md").write_text(BASIN, encoding="utf-8")
    return seeds


def test_numbered_txt_document(tmp_path):
    corpus, diags = load_corpus(write_course(tmp_path), tmp_path)
    assert diags == []
    doc = corpus.document("wmo-2019-drought-note")
    assert doc.entry.date == "2019-03-22" and doc.entry.language == "en"
    assert [(p.id, p.line, p.kind) for p in doc.paragraphs] == [
        ("front-1", 1, "front"),
        ("front-2", 3, "front"),
        ("1", 7, "paragraph"),
        ("2", 8, "paragraph"),
        ("3", 13, "paragraph"),
        ("4", 17, "paragraph"),
        ("4-a", 19, "item"),
        ("4-b", 20, "item"),
        ("annex-1", 24, "paragraph"),
        ("annex-2", 25, "paragraph"),
    ]
    assert [(s.id, s.title) for s in doc.sections] == [
        ("front", "Drought Preparedness in Dry Regions"),
        ("why-drought-matters", "I. Why drought matters"),
        ("early-warning", "1. Early warning"),
        ("annex", "Annex"),
    ]
    assert doc.paragraph("2").text == (
        "Losses to farming reached 3.5 per cent of output in the worst years, and recovery took three seasons on average."
    )
    # split by a page break, rejoined
    assert doc.paragraph("3").text == (
        "Early warning works when forecasts reach farmers at least 30 days before planting, "
        "and when advice comes with seed and credit that let them act on it."
    )
    assert doc.paragraph("annex-2").text == "Of these, 9 reported lower losses by 2016."
    assert corpus.paragraph("wmo-2019-drought-note", "annex-1").section == "annex"
    assert paragraph_anchor(doc.id, "annex-1") == "wmo-2019-drought-note-annex-1"


def test_markdown_document_in_reading_order(tmp_path):
    corpus, diags = load_corpus(write_course(tmp_path), tmp_path)
    doc = corpus.document("river-2021-basin-guide")
    assert doc.entry.date == "2021" and doc.entry.language == "fr"
    assert [(s.id, s.title, s.level) for s in doc.sections] == [
        ("a-guide-to-river-basin-councils", "A Guide to River Basin Councils", 1),
        ("what-a-council-does", "1 What a council does", 2),
        ("paying-for-the-work", "2 Paying for the work", 2),
    ]
    assert [(p.id, p.kind, p.label, p.text) for p in doc.paragraphs] == [
        ("1", "paragraph", "", "Basin Network"),
        ("2", "paragraph", "", "A basin council brings together every user of one river: towns, farms, industry "
                               "and the people downstream. It meets at least twice a year."),
        ("3", "item", "", "Council members serve for 4 years."),
        ("4", "item", "", "Decisions need a two-thirds majority."),
        ("5", "paragraph", "", "Councils raise fees from large users & receive a share of national budgets "
                               "(see the fee guide (https://basin.example/fees))."),
        ("6", "paragraph", "", "A council is only as strong as its weakest member."),
        ("7", "footnote", "1", "Downstream users are often left out of such councils."),
    ]
    assert [p.line for p in doc.paragraphs] == [5, 9, 12, 13, 17, 20, 22]


def test_loading_is_repeatable(tmp_path):
    seeds = write_course(tmp_path)
    assert load_corpus(seeds, tmp_path) == load_corpus(seeds, tmp_path)
    # nothing is written next to the seeds
    assert sorted(p.name for p in seeds.iterdir()) == ["basin-guide.md", "drought-note.txt", "sources.yml"]


def test_crlf_and_bom_give_the_same_corpus(tmp_path):
    seeds = write_course(tmp_path)
    before, _ = load_corpus(seeds, tmp_path)
    raw = (seeds / "drought-note.txt").read_text(encoding="utf-8")
    (seeds / "drought-note.txt").write_bytes(b"\xef\xbb\xbf" + raw.replace("\n", "\r\n").encode())
    after, diags = load_corpus(seeds, tmp_path)
    assert diags == []
    assert after.document("wmo-2019-drought-note") == before.document("wmo-2019-drought-note")
