"""Structure and ids from small texts written here."""

from __future__ import annotations

import html

from courseforge.sources.paragraphs import parse_document, slugify

LONG = "with enough words in it to be running text and not a heading of any kind."


def ids(doc):
    return [p.id for s in doc.sections for p in s.paragraphs]


def test_numbered_document_keeps_its_numbers_and_annex_restarts():
    raw = f"""Ministry of Examples
12 March 2020

I. Introduction

1. The first paragraph {LONG}
2. The second paragraph {LONG}

1. A numbered sub-heading

3. The third paragraph, a list follows:

- one item of the list;
- another item of the list.

(i) A lettered sub-heading

4. The fourth paragraph {LONG}

(i) First lettered item: a long lettered item is not a heading but part of paragraph 4 {LONG}
(ii) Second lettered item: {LONG}

Annex

Overview of the examples

1. The annex restarts its numbering {LONG}

An unnumbered sentence that follows annex paragraph 1 {LONG}

2. Annex paragraph two {LONG}
"""
    doc = parse_document(raw, "Examples")
    assert doc.numbered
    assert ids(doc) == [
        "front-1", "1", "2", "3", "3-a", "3-b", "4", "4-i", "4-ii", "annex-1", "annex-1-a", "annex-2",
    ]
    assert [(s.id, s.title, s.level) for s in doc.sections] == [
        ("front", "Examples", 1),
        ("introduction", "I. Introduction", 1),
        ("a-numbered-sub-heading", "1. A numbered sub-heading", 2),
        ("a-lettered-sub-heading", "(i) A lettered sub-heading", 3),
        ("annex-overview-of-the-examples", "Annex. Overview of the examples", 1),
    ]
    front = doc.sections[0].paragraphs[0]
    assert (front.text, front.kind, front.line) == ("Ministry of Examples 12 March 2020", "front", 1)
    p3 = doc.sections[2].paragraphs[0]
    assert (p3.id, p3.label, p3.text, p3.line, p3.section) == (
        "3", "3", "The third paragraph, a list follows:", 11, "a-numbered-sub-heading",
    )
    items = doc.sections[2].paragraphs[1:]
    assert [(p.kind, p.text) for p in items] == [("item", "one item of the list;"), ("item", "another item of the list.")]
    p4ii = doc.sections[3].paragraphs[2]
    assert (p4ii.id, p4ii.label, p4ii.kind) == ("4-ii", "ii", "item")
    assert p4ii.text.startswith("Second lettered item:")


def test_reading_order_document():
    raw = f"""# A web page

Share Twitter Facebook

Intro paragraph {LONG}

## Second part Retour à la table des matières

- 1** The first marked paragraph {LONG}
- 2** The second marked paragraph {LONG}

A footnote-free paragraph {LONG}
"""
    doc = parse_document(raw)
    assert not doc.numbered
    assert ids(doc) == ["1", "2", "3", "4"]
    assert [s.title for s in doc.sections] == ["A web page", "Second part"]
    assert [p.label for p in doc.sections[1].paragraphs] == ["1", "2", ""]
    assert doc.sections[1].paragraphs[0].text.startswith("The first marked paragraph")


def test_two_numbered_paragraphs_do_not_make_a_numbered_document():
    raw = f"1. One {LONG}\n\n2. Two {LONG}\n\nThree {LONG}\n"
    doc = parse_document(raw, "T")
    assert not doc.numbered
    assert ids(doc) == ["front-1", "front-2", "front-3"]
    assert [p.label for s in doc.sections for p in s.paragraphs] == ["1", "2", ""]


def test_page_break_join_with_and_without_a_page_number():
    raw = (
        "# T\n\n"
        "The first half of a paragraph that a page break has cut right in the middle of\n\n\n"
        "the sentence, which goes on here.\n\n"
        "Another paragraph that is cut by a page break with a number between the\n\n"
        "7\n\n"
        "\fhalves of the sentence.\n\n"
        "A paragraph that ends properly with a full stop at the end of it.\n\n"
        "and a lowercase start after a full stop stays a paragraph of its own.\n"
    )
    doc = parse_document(raw)
    texts = [p.text for p in doc.sections[0].paragraphs]
    assert texts == [
        "The first half of a paragraph that a page break has cut right in the middle of the sentence, which goes on here.",
        "Another paragraph that is cut by a page break with a number between the halves of the sentence.",
        "A paragraph that ends properly with a full stop at the end of it.",
        "and a lowercase start after a full stop stays a paragraph of its own.",
    ]
    assert [p.line for p in doc.sections[0].paragraphs] == [3, 8, 14, 16]


def test_headings_need_prose_after_them_and_bylines_stay_paragraphs():
    raw = f"""TITLE OF THE REPORT

Institute of Examples

The report opens {LONG}

A plain heading

The section text {LONG}

Short line one

Short line two
"""
    doc = parse_document(raw)
    assert [s.title for s in doc.sections] == ["TITLE OF THE REPORT", "A plain heading"]
    assert [p.text for p in doc.sections[0].paragraphs][0] == "Institute of Examples"
    assert [p.text for p in doc.sections[1].paragraphs][1:] == ["Short line one", "Short line two"]


def test_dash_item_followed_by_prose_is_a_sub_heading():
    raw = f"""1. Framework

-  The commission

The commission meets {LONG}

- a plain list item
- another one
"""
    doc = parse_document(raw)
    assert [(s.title, s.level) for s in doc.sections] == [("1. Framework", 1), ("The commission", 2)]
    assert [p.kind for p in doc.sections[1].paragraphs] == ["paragraph", "item", "item"]


def test_footer_after_last_share_line_is_dropped_only_when_it_looks_like_links():
    page = f"# T\n\nText {LONG}\n\nBookmark and Share\nHome Contact Sitemap Legal notice\n"
    assert [p.text for p in parse_document(page).sections[0].paragraphs] == [f"Text {LONG}"]
    page = f"# T\n\nText {LONG}\n\nBookmark and Share\n\nA real closing sentence that must stay.\n"
    assert [p.text for p in parse_document(page).sections[0].paragraphs][-1] == "A real closing sentence that must stay."


def test_repeated_numbers_without_annex_get_section_prefix_and_ids_stay_unique():
    raw = f"# Part A\n\n1. A one {LONG}\n2. A two {LONG}\n3. A three {LONG}\n\n# Part B\n\n1. B one {LONG}\n"
    doc = parse_document(raw)
    assert ids(doc) == ["1", "2", "3", "part-b-1"]
    raw = "# Same\n\nText one " + LONG + "\n\n# Same\n\nText two " + LONG + "\n"
    assert [s.id for s in parse_document(raw).sections] == ["same", "same-2"]


def test_a_heading_called_front_is_not_the_front_section():
    doc = parse_document(f"Front\n\nText under it {LONG}\n")
    assert [(s.id, s.title) for s in doc.sections] == [("front", "Front")]
    assert [(p.id, p.kind) for p in doc.sections[0].paragraphs] == [("1", "paragraph")]
    doc = parse_document(f"Issuer\n\n22 May 2020\n\n# Front\n\nText under it {LONG}\n", "T")
    assert [s.id for s in doc.sections] == ["front", "front-2"]
    assert [p.id for s in doc.sections for p in s.paragraphs] == ["front-1", "front-2", "1"]


def test_ids_are_deterministic():
    raw = f"# T\n\n1. One {LONG}\n2. Two {LONG}\n3. Three {LONG}\n\n- x\n"
    assert parse_document(raw) == parse_document(raw)


def test_slugify():
    assert slugify("(ii) A clear and secure legal status") == "a-clear-and-secure-legal-status"
    assert slugify("III. International cooperation") == "international-cooperation"
    assert slugify("4 Migration and education") == "migration-and-education"
    assert slugify("UNESCO's contribution") == "unescos-contribution"
    assert slugify("1. Présentation") == "presentation"
    assert slugify("46th Commission on Population and Development") == "46th-commission-on-population-and-development"
    assert len(slugify("word " * 40)) <= 60


# --- any text at all: no exception, unique ids, nothing invented -------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "1. ", "12. ", "(ii) ", "- ", "— ", "## ", "# ", "**", "*", "_", "<sup>1</sup>", "<u>", "&lt;", "&amp;",
    "Annex", "I. ", "Twitter Facebook Share", "Retour à la table des matières", ".....\t3", "\n", "\n\n",
    "\f", "word ", "Word ", "end.", "lowercase start ", "2004", "migration1", "  ", "\t",
])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_text_parses_with_unique_ids_and_no_invented_words(raw):
    doc = parse_document(raw, "T")
    pids = [p.id for s in doc.sections for p in s.paragraphs]
    assert len(pids) == len(set(pids))
    assert len({s.id for s in doc.sections}) == len(doc.sections)
    n_lines = raw.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    for s in doc.sections:
        assert s.id
        for p in s.paragraphs:
            assert p.text and p.text == p.text.strip() and p.section == s.id
            assert 1 <= p.line <= n_lines
    # cleaning removes and rejoins, never adds: the letters and digits of
    # the titles and paragraphs, in order, are a subsequence of the original's
    kept = "".join(
        (s.title if s.id != "front" else "") + "".join(p.text for p in s.paragraphs) for s in doc.sections
    )
    assert _is_subsequence(_alnum(kept), _alnum(html.unescape(raw)))
    assert parse_document(raw, "T") == doc


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)
