"""Drafting a sources.yml entry from a document's metadata or first lines."""

from __future__ import annotations

from courseforge.sources.describe import draft, find_date, find_kind, first_lines, slug
from courseforge.sources.formats import DocumentInfo


def test_dates_as_precise_as_printed():
    assert find_date(["Annual report", "16 January 2004"]) == "2004-01-16"
    assert find_date(["March 3, 2019"]) == "2019-03-03"
    assert find_date(["Adopted 2021-11-30 by the board"]) == "2021-11-30"
    assert find_date(["Strategy", "October 2013"]) == "2013-10"
    assert find_date(["Annual report 2019"]) == "2019"


def test_dates_in_sentences_and_tables_are_not_the_documents_date():
    assert find_date(["The association was founded in 1998."]) == ""
    assert find_date(["2020 | 312"]) == ""
    long_line = "In 2004, the council counted 1,200 members across its many branches in the region and beyond"
    assert find_date([long_line]) == ""


def test_kinds_from_words_of_the_title():
    assert find_kind("Code of Conduct for Volunteers") == "code of conduct"
    assert find_kind("Homework Guidelines") == "guidelines"
    assert find_kind("Annual Report 2019") == "annual report"
    assert find_kind("Minutes of the meeting") == "minutes"
    assert find_kind("Our garden") == ""


def test_slug():
    assert slug("The Code of Conduct for Volunteers") == "code-conduct-volunteers"
    assert slug("Règlement d'école") == "reglement-decole"


def test_first_lines_skip_markup():
    assert first_lines("# Title\n\n**Board of Health**\n\nSome text.\n") == ["Title", "Board of Health", "Some text."]


def test_metadata_first():
    info = DocumentInfo(title="Harbour Safety Handbook", issuer="Northport Harbour Authority", date="2021-05-02",
                        kind="handbook")
    d = draft("Some other first line\n\n3 March 2020\n", info, "h.pdf", "PDF", set())
    assert (d.id, d.title, d.issuer, d.date, d.kind) == (
        "harbour-safety-handbook-2021", "Harbour Safety Handbook", "Northport Harbour Authority", "2021-05-02",
        "handbook")
    assert d.origin == {k: "the PDF's properties" for k in ("title", "issuer", "date", "kind")}


def test_a_printed_date_beats_the_date_the_file_was_saved():
    info = DocumentInfo(title="Rules", date="2026-01-05", file_date=True)
    d = draft("Rules\n\n12 March 2020\n\nText.\n", info, "r.docx", "Word document", set())
    assert d.date == "2020-03-12" and d.origin["date"] == "its first lines"
    d = draft("Rules\n\nText without a date.\n", info, "r.docx", "Word document", set())
    assert d.date == "2026-01-05" and d.origin["date"] == "the date the Word document file was made"


def test_first_lines_when_there_is_no_metadata():
    text = "GREENFIELD SCHOOL BOARD\n\nHomework Guidelines\n\n12 March 2020\n\n1. Pupils get homework.\n"
    d = draft(text, DocumentInfo(), "homework.txt", "text file", set())
    assert (d.title, d.issuer, d.date, d.kind) == ("Homework Guidelines", "GREENFIELD SCHOOL BOARD", "2020-03-12",
                                                   "guidelines")
    assert d.id == "homework-guidelines-2020"


def test_placeholders_say_so_and_ids_stay_unique():
    used = set()
    a = draft("Our garden\n\nWe grow beans.\n", DocumentInfo(), "a.txt", "text file", used)
    b = draft("Our garden\n\nWe grow peas.\n", DocumentInfo(), "b.txt", "text file", used)
    assert (a.issuer, a.date, a.kind) == ("unknown", "undated", "document")
    assert a.origin["issuer"] == a.origin["date"] == a.origin["kind"] == ""
    assert (a.id, b.id) == ("our-garden", "our-garden-2")


def test_untitled_metadata_is_ignored():
    d = draft("Fire Drill Procedure\n\nText.\n", DocumentInfo(title="Microsoft Word - drill.doc"), "d.docx",
              "Word document", set())
    assert d.title == "Fire Drill Procedure" and d.kind == "procedure"


def test_a_title_that_names_its_year_is_the_title_and_the_issuer_line_is_cut_to_the_organisation():
    text = ("State of Coastal Fisheries: Regional Report 2021\n\n"
            "Prepared by the Regional Fisheries Secretariat, Suva, June 2021\n\nSummary\n\n1. Fish matter.\n")
    d = draft(text, DocumentInfo(), "fish.txt", "text file", set())
    assert (d.title, d.issuer, d.date, d.kind) == (
        "State of Coastal Fisheries: Regional Report 2021", "Regional Fisheries Secretariat", "2021-06", "report")
    assert d.id == "state-coastal-fisheries-regional-report-2021"


def test_a_date_line_with_a_place_is_not_taken_for_the_title():
    text = "Geneva, 3 May 2019\n\nHandbook of Safe Storage\n\nText.\n"
    d = draft(text, DocumentInfo(), "h.txt", "text file", set())
    assert d.title == "Handbook of Safe Storage" and d.date == "2019-05-03"


def test_an_instrument_that_names_its_body_is_the_title():
    # "Charter of the ... Commission" names an organisation, but it is the title;
    # the adoption line after it is not
    text = ("Charter of the Lake Varda Basin Commission\n\n"
            "Adopted at Korvan on 12 March 2009 by the Governments of the four riparian States\n\nPREAMBLE\n\nText.\n")
    d = draft(text, DocumentInfo(), "c.txt", "text file", set())
    assert (d.title, d.date, d.kind) == ("Charter of the Lake Varda Basin Commission", "2009-03-12", "charter")
    # an organisation's own name is still not taken for a title
    d = draft("Regional Fisheries Commission\n\nAnnual review of catches\n\nText.\n", DocumentInfo(), "r.txt",
              "text file", set())
    assert d.title == "Annual review of catches"
