"""Articles, parts, preambles and operative paragraphs: ids from the document's own numbering.

Both texts are made up for these tests: a charter divided into parts and
articles (one-line articles, a title line, lettered items, a preamble) and a
resolution (preambular paragraphs, then numbered operative ones).
"""

from __future__ import annotations

from courseforge.sources.labels import paragraph_label
from courseforge.sources.paragraphs import parse_document

CHARTER = """\
Charter of the Northern Lighthouse Keepers

Adopted by the Assembly of Keepers at Port Aven on 4 May 1998

Preamble

The Keepers of the Northern Coast,

Recalling the long service of lighthouse keepers to sailors in every season,

Considering that the safety of ships depends on lights kept burning through the night,

Convinced that keepers deserve fair rest, fair pay and safe towers,

Have agreed as follows:

PART I
GENERAL PROVISIONS

Article 1
Every keeper has the right to rest.

Article 2
Definitions
For the purposes of this Charter, a keeper is any person who tends a light for at least one season.

Article 3
1. Each tower shall have a log book kept by the keeper on duty.
2. The log book shall record:
(a) the hours the light was lit;
(b) the weather observed
(c) any ship in distress.

PART II
DUTIES OF THE ASSEMBLY

Art. 4. The Assembly shall meet once a year at Port Aven.

Article 5 - Supplies
The Assembly shall provide:
a. oil for the lamps;
b. bread and water for three months;
c. a boat in good repair.

These supplies shall be checked each spring.

Article 6
(1) A keeper may appeal any decision of the Assembly.
(2) The appeal shall be heard within thirty days, in particular where:
(a) the keeper has lost wages;
(b) the keeper has been moved:
(i) to another tower;
(ii) to a post on shore.
"""

RESOLUTION = """\
Resolution 14/2 adopted by the Regional Water Council on 9 June 2021

14/2. Protection of mountain springs

The Regional Water Council,

Recalling its resolution 11/4 of 3 March 2018 on clean rivers,

Noting with concern that many mountain springs have dried up during the last ten summers,

Recognizing the work of village water committees,

Bearing in mind that springs feed the rivers on which farms and towns depend,

1. Decides to establish a register of mountain springs;

2. Calls upon member districts:
(a) to map every spring within two years;
(b) to report to the Council each year;

3. Requests the secretariat to publish the register

4. Decides to remain seized of the matter.
"""


def ids(doc):
    return [p.id for s in doc.sections for p in s.paragraphs]


def by_id(doc):
    return {p.id: p for s in doc.sections for p in s.paragraphs}


def test_charter_ids_follow_its_articles():
    doc = parse_document(CHARTER, "Charter")
    assert doc.mode == "articles"
    assert ids(doc) == [
        "front-1",
        "preamble-intro", "preamble-1", "preamble-2", "preamble-3", "preamble-end",
        "article-1",
        "article-2",
        "article-3-1", "article-3-2", "article-3-2-a", "article-3-2-b", "article-3-2-c",
        "article-4",
        "article-5", "article-5-a", "article-5-b", "article-5-c", "article-5-p2",
        "article-6-1", "article-6-2", "article-6-2-a", "article-6-2-b", "article-6-2-b-i", "article-6-2-b-ii",
    ]
    assert [(s.id, s.title, s.level) for s in doc.sections] == [
        ("charter-of-the-northern-lighthouse-keepers", "Charter of the Northern Lighthouse Keepers", 1),
        ("preamble", "Preamble", 1),
        ("part-i-general-provisions", "PART I. GENERAL PROVISIONS", 1),
        ("article-1", "Article 1", 2),
        ("article-2", "Article 2. Definitions", 2),
        ("article-3", "Article 3", 2),
        ("part-ii-duties-of-the-assembly", "PART II. DUTIES OF THE ASSEMBLY", 1),
        ("article-4", "Art. 4", 2),
        ("article-5", "Article 5 - Supplies", 2),
        ("article-6", "Article 6", 2),
    ]


def test_short_article_keeps_its_line_as_the_paragraph_and_items_are_never_headings():
    doc = parse_document(CHARTER, "Charter")
    p = by_id(doc)
    # the heading is the label; the one-line body is the paragraph
    assert p["article-1"].text == "Every keeper has the right to rest."
    assert p["article-1"].section == "article-1"
    # a title line is the article's title, not a paragraph
    assert p["article-2"].text.startswith("For the purposes of this Charter")
    # a short unpunctuated lettered item stays an item of its article
    assert (p["article-3-2-b"].kind, p["article-3-2-b"].label, p["article-3-2-b"].text) == (
        "item", "b", "the weather observed")
    assert p["article-3-2-b"].section == "article-3"
    assert p["article-4"].text == "The Assembly shall meet once a year at Port Aven."
    assert p["article-5-p2"].text == "These supplies shall be checked each spring."
    assert p["preamble-2"].text.startswith("Considering that")


def test_article_without_a_period_is_its_paragraph_and_ids_never_drift():
    raw = """Rules of the Reading Room

Article 23
Silence is kept in the reading room

Article 24
(a) no food
(b) no pens near the maps

Article 25
Article 12 of the old rules
is repealed.
"""
    doc = parse_document(raw, "Rules")
    assert ids(doc) == ["front-1", "article-23", "article-24-a", "article-24-b", "article-25"]
    p = by_id(doc)
    assert p["article-23"].text == "Silence is kept in the reading room"
    assert p["article-24-a"].section == "article-24"
    # "Article 12 of ..." at the start of a line is prose, not an article
    assert p["article-25"].text == "Article 12 of the old rules is repealed."


def test_resolution_preamble_and_operative_paragraphs():
    doc = parse_document(RESOLUTION, "Springs")
    assert doc.mode == "resolution"
    assert ids(doc) == [
        "front-1",
        "preamble-intro", "preamble-1", "preamble-2", "preamble-3", "preamble-4",
        "op-1", "op-2", "op-2-a", "op-2-b", "op-3", "op-4",
    ]
    p = by_id(doc)
    assert p["preamble-2"].text.startswith("Noting with concern")
    assert p["op-3"].text == "Requests the secretariat to publish the register"
    assert [s.id for s in doc.sections][-2:] == ["preamble", "operative-part"]


def test_labels_read_as_a_reader_cites():
    assert paragraph_label("article-37-c") == "Article 37 (c)"
    assert paragraph_label("article-6-2-b-ii") == "Article 6 (2) (b) (ii)"
    assert paragraph_label("article-5-p2") == "Article 5, second paragraph"
    assert paragraph_label("preamble-3") == "preamble, paragraph 3"
    assert paragraph_label("preamble-intro") == "preamble, opening words"
    assert paragraph_label("op-12") == "operative paragraph 12"
    assert paragraph_label("op-2-a") == "operative paragraph 2 (a)"
    assert paragraph_label("18") == "paragraph 18"
    assert paragraph_label("37-iii") == "paragraph 37 (iii)"
    assert paragraph_label("annex-6") == "annex, paragraph 6"
    assert paragraph_label("annex-ii-6") == "annex II, paragraph 6"
    assert paragraph_label("annex-7-a") == "annex, paragraph 7 (a)"
    assert paragraph_label("front-2") == "title page, paragraph 2"
