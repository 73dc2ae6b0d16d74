"""Unit tests of the cleaning functions: exact outputs."""

from __future__ import annotations

import pytest

from courseforge.sources import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("&lt;sup&gt;1&lt;/sup&gt;", "<sup>1</sup>"),
        ("<sup>&</sup>lt;sup>1</sup>", "<sup></sup>&lt;sup>1</sup>".replace("&lt;", "<")),
        ("R&amp;D &#8217; &#x2014;", "R&D ’ —"),
        ("?a=1&para=2 and R&D", "?a=1&para=2 and R&D"),  # no ";" → not an entity
        ("&bogus;", "&bogus;"),
    ],
)
def test_decode_entities(raw, expected):
    assert clean.decode_entities(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("on international migration<sup>1</sup>. This", "on international migration. This"),
        ("the 51<sup>st</sup> session", "the 51st session"),
        ("10<sup>6</sup> people", "10^6 people"),
        ("<sup> 12 </sup>", ""),
    ],
)
def test_replace_superscripts(raw, expected):
    assert clean.replace_superscripts(raw) == expected


def test_strip_tags_keeps_words_and_leaves_other_angle_brackets():
    assert clean.strip_tags("(<u>www.uncclearn.org</u>) <i>Pages</i> <span class='x'>a</span>b<br/>c") == (
        "(www.uncclearn.org) Pages ab c"
    )
    assert clean.strip_tags("less than <5% and a <b> tag but x <y> z") == "less than <5% and a  tag but x <y> z"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**Bilateral agreements** have *de facto* constituted", "Bilateral agreements have de facto constituted"),
        ("*I-Strengthening local governance:* UNITAR", "I-Strengthening local governance: UNITAR"),
        ("(*CentresCifal*)", "(CentresCifal)"),
        ("## **UNESCO's contribution**", "## UNESCO's contribution"),
        ("1** The United Nations", "1 The United Nations"),
        ("__bold__ and _it_ but snake_case_name stays", "bold and it but snake_case_name stays"),
        ("***both***", "both"),
        ("3 * 4 = 12", "3 * 4 = 12"),
    ],
)
def test_strip_emphasis(raw, expected):
    assert clean.strip_emphasis(raw) == expected


def test_nav_phrases():
    assert clean.strip_nav_phrases("1. Présentation Retour à la table des matières") == "1. Présentation "
    assert clean.is_nav_only("Retour à la table des matières")
    assert not clean.is_nav_only("1. Présentation Retour à la table des matières")


@pytest.mark.parametrize(
    ("line", "share"),
    [
        ("Twitter Facebook Flickr Youtube RSS Share", True),
        ("Bookmark and Share", True),
        ("Partager | Imprimer", True),
        ("Facebook", False),  # no share word: could be a one-word heading
        ("Share and share alike is a principle of the commons.", False),
        ("Twitter and Facebook share data with advertisers", False),
    ],
)
def test_is_share_line(line, share):
    assert clean.is_share_line(line) is share


@pytest.mark.parametrize(
    ("line", "toc"),
    [
        ("I. Introduction.....\t3", True),
        ("1. Public perceptions of migration and migrants\t4", True),
        ("(i) International migration as a source of enrichment or impoverishment...\t8", True),
        ("Annex. Summary of current cooperation on matters of international migration.....\t1-4", True),
        ("It has 102 member states and 29 observer states.", False),
        ("The series continues the work of the series in 2005-2006.", False),
        ("A declaration was adopted in 2013", False),
    ],
)
def test_is_toc_line(line, toc):
    assert clean.is_toc_line(line) is toc


def test_toc_title_and_decoration():
    assert clean.is_toc_title("CONTENTS") and clean.is_toc_title("\t<i>Pages</i>") and clean.is_toc_title("Table des matières")
    assert not clean.is_toc_title("Contents of the Convention")
    assert clean.is_decoration("-0-0-0-0-0-0-") and clean.is_decoration("* * *") and clean.is_decoration("-----")
    assert not clean.is_decoration("- 0") and not clean.is_decoration("2000-0")


def test_glued_footnote_refs_only_for_known_footnotes():
    text = "flows of migration1 and remittances2, the G20, A/RES/67 and COVID19 in 2013."
    assert clean.glued_footnote_refs(text, {"1"}) == "flows of migration and remittances2, the G20, A/RES/67 and COVID19 in 2013."
    assert clean.glued_footnote_refs(text, {"1", "2"}) == "flows of migration and remittances, the G20, A/RES/67 and COVID19 in 2013."
    assert clean.glued_footnote_refs(text, set()) == text
    assert clean.glued_footnote_refs("mp3 and ab1", {"3", "1"}) == "mp3 and ab1"  # too short to be a word


def test_footnote_line():
    line = clean.decode_entities("<sup>&</sup>lt;sup>1</sup> The views expressed in the paper")
    assert clean.footnote_line_number(line) == "1"
    assert clean.strip_footnote_line_marker(line) == "The views expressed in the paper"
    assert clean.footnote_line_number("1 The views") is None
    assert clean.footnote_line_number("text<sup>1</sup>") is None


def test_markers():
    assert clean.md_heading("## **7 Migration and cultural diversity**") == (2, "**7 Migration and cultural diversity**")
    assert clean.md_heading("### Support to GFMD ###") == (3, "Support to GFMD")
    assert clean.md_heading("#hashtag") is None
    assert clean.list_marker("- 1** The United Nations") == ("-", "1", "The United Nations")
    assert clean.list_marker("-  ECOSOC’s Commission") == ("-", "", "ECOSOC’s Commission")
    assert clean.list_marker("— Factors behind migration;") == ("—", "", "Factors behind migration;")
    assert clean.list_marker("-0-0-") is None
    assert clean.list_marker("4-13 February 2004") is None


def test_clean_inline_all_together():
    raw = "  **Paul de Guchteneire**, chief,&nbsp;International <i>Migration</i><sup>2</sup> Section,  "
    assert clean.clean_inline(raw) == "Paul de Guchteneire, chief, International Migration Section,"


def test_clean_text_of_a_small_document():
    raw = "Share Twitter\n\n# Title\n\n1. First **point**<sup>1</sup> made here, with enough words to be a real paragraph of the text.\n"
    assert clean.clean_text(raw) == "Title\n\n1. First point made here, with enough words to be a real paragraph of the text.\n"


def test_markdown_links_code_and_quotes():
    assert clean.strip_md_links("see [UNITAR](https://unitar.org) and [https://a.org](https://a.org)") == (
        "see UNITAR (https://unitar.org) and https://a.org"
    )
    assert clean.strip_md_links('![A chart of 2013 flows](img/c.png "Chart") and `code`') == "A chart of 2013 flows and code"
    assert clean.strip_md_links("an [unclosed link (x) and a ]( pair") == "an [unclosed link (x) and a ]( pair"
    assert clean.strip_blockquote("> > quoted 12 times") == "quoted 12 times"
    assert clean.strip_blockquote("a > b") == "a > b"
    assert clean.clean_inline("**[Basin Network](https://basin.example)**") == "Basin Network (https://basin.example)"
