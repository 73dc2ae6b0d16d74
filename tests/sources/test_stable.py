"""Reading-order ids survive a trainer's edits: insert, remove, edit a paragraph."""

from __future__ import annotations

from courseforge.sources.model import Document, SourceEntry
from courseforge.sources.paragraphs import parse_document
from courseforge.sources.stable import (
    fingerprint,
    parse_registry,
    record_of,
    registry_for,
    registry_text,
    stabilise,
)

ENTRY = SourceEntry(id="bees", file="bees.txt", title="Keeping bees", issuer="Valley Beekeepers", date="2020",
                    kind="guide")

PARAS = [
    "Bees need a dry hive that faces the morning sun and is sheltered from the north wind.",
    "A strong colony holds some forty thousand workers at the height of the summer.",
    "Honey is taken in late summer, leaving the bees enough stores for the winter months.",
    "Varroa mites are the main threat to colonies and must be counted every month.",
    "Swarming happens in spring when the colony outgrows its hive and the old queen leaves.",
]


def document(paras: list[str]) -> Document:
    raw = "Keeping bees in the valley\n\n" + "\n\n".join(paras) + "\n"
    return Document(entry=ENTRY, sections=parse_document(raw, ENTRY.title).sections)


def texts(doc: Document) -> dict[str, str]:
    return {p.id: p.text for p in doc.paragraphs}


def reread(paras: list[str]) -> Document:
    """The document as first generated (recorded), then read again after an edit."""
    record = record_of(document(PARAS))
    return stabilise(document(paras), record)


def test_first_reading_numbers_in_reading_order():
    assert list(texts(document(PARAS))) == ["1", "2", "3", "4", "5"]


def test_inserting_a_paragraph_keeps_every_other_id_and_gives_a_new_one():
    new = "Smoke calms the bees before the hive is opened, so every visit starts with the smoker lit."
    doc = reread(PARAS[:1] + [new] + PARAS[1:])
    assert texts(doc) == {"1": PARAS[0], "6": new, "2": PARAS[1], "3": PARAS[2], "4": PARAS[3], "5": PARAS[4]}


def test_removing_a_paragraph_keeps_the_others_and_its_id_is_never_reused():
    doc = reread(PARAS[:2] + PARAS[3:])
    assert texts(doc) == {"1": PARAS[0], "2": PARAS[1], "4": PARAS[3], "5": PARAS[4]}
    # a paragraph added later does not take the removed paragraph's id "3", nor the last one's
    record = registry_for([doc], {"bees": record_of(document(PARAS))})["bees"]
    added = "Frames are checked for brood every week during the spring and early summer season."
    again = stabilise(document(PARAS[:2] + PARAS[3:] + [added]), record)
    assert texts(again) == {"1": PARAS[0], "2": PARAS[1], "4": PARAS[3], "5": PARAS[4], "6": added}


def test_editing_a_paragraph_keeps_its_id_and_changes_its_fingerprint():
    edited = PARAS[2].replace("late summer", "early autumn")
    doc = reread(PARAS[:2] + [edited] + PARAS[3:])
    assert texts(doc) == {"1": PARAS[0], "2": PARAS[1], "3": edited, "4": PARAS[3], "5": PARAS[4]}
    assert fingerprint(edited) != fingerprint(PARAS[2])


def test_all_three_edits_at_once():
    new = "Wax moths attack weak colonies and stored combs, so spare frames are kept in the cold."
    edited = PARAS[4].replace("spring", "May")
    doc = reread([new] + PARAS[:1] + PARAS[2:4] + [edited])
    assert texts(doc) == {"6": new, "1": PARAS[0], "3": PARAS[2], "4": PARAS[3], "5": edited}


def test_fingerprints_ignore_spacing_and_never_read_as_numbers():
    fp = fingerprint("Bees  need a dry\nhive.")
    assert fp == fingerprint("Bees need a dry hive.")
    assert len(fp) == 10 and fp.isalpha() and fp.islower()


def test_the_registry_reads_back_and_a_broken_one_is_ignored():
    records = {"bees": record_of(document(PARAS))}
    assert parse_registry(registry_text(records)) == records
    assert parse_registry("{not json") == {}
    assert stabilise(document(PARAS), None).paragraphs == document(PARAS).paragraphs


def test_numbered_documents_are_left_to_their_own_numbers():
    raw = "Keeping bees in the valley\n\n" + "\n\n".join(f"{i}. {t}" for i, t in enumerate(PARAS, 1))
    parsed = parse_document(raw, "x")
    doc = Document(entry=ENTRY, sections=parsed.sections, numbered=parsed.numbered)
    assert [p.id for p in doc.paragraphs] == ["1", "2", "3", "4", "5"]
    assert record_of(doc) is None
