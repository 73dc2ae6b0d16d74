"""Clauses of resolutions and preambles read as sentences (generate.questions.clauses)."""

from courseforge.generate.questions.clauses import Reading, reading_of, readings

RESOLUTION = [
    ("intro", "The Regional Health Assembly,"),
    ("preamble-1", "Recalling its resolution 11.2 of 2015 on the rational use of medicines,"),
    ("preamble-2", "Deeply concerned that resistant infections caused 33,000 deaths in 2017,"),
    ("op-1", "Urges member States to adopt national action plans by 2021;"),
    ("op-2", "Also urges member States to require a prescription for antibiotics;"),
    ("op-3", "Requests the Regional Director:"),
    ("op-3-a", "to support member States in drafting their plans;"),
    ("op-3-b", "to publish a regional report every two years;"),
    ("op-4", "Further requests the Regional Director to report in 2021."),
]


def test_every_clause_reads_as_a_sentence_with_its_subject_and_back():
    got = readings(RESOLUTION)
    said = dict(RESOLUTION)
    read = {pid: r.read(said[pid]) for pid, r in got.items()}
    assert read == {
        "preamble-1": "The Regional Health Assembly recalls its resolution 11.2 of 2015 on the rational use of medicines.",
        "preamble-2": "The Regional Health Assembly is deeply concerned that resistant infections caused 33,000 deaths "
                      "in 2017.",
        "op-1": "The Regional Health Assembly urges member States to adopt national action plans by 2021.",
        "op-2": "The Regional Health Assembly also urges member States to require a prescription for antibiotics.",
        "op-3-a": "The Regional Health Assembly requests the Regional Director to support member States in drafting "
                  "their plans.",
        "op-3-b": "The Regional Health Assembly requests the Regional Director to publish a regional report every "
                  "two years.",
        "op-4": "The Regional Health Assembly further requests the Regional Director to report in 2021.",
    }
    # the subject line and a clause that only introduces its items are no statements
    assert "intro" not in got and "op-3" not in got
    for pid, r in got.items():
        assert r.unread(read[pid]) == said[pid]
    # a question's change after the head is taken back too
    changed = read["op-1"].replace("2021", "2023")
    assert got["op-1"].unread(changed) == said["op-1"].replace("2021", "2023")


def test_plural_subjects_and_whereas_clauses():
    r = reading_of("Recognizing that shared waters need shared rules,", "The States Parties")
    assert r.read("Recognizing that shared waters need shared rules,") == (
        "The States Parties recognize that shared waters need shared rules.")
    w = reading_of("Whereas recognition of shared rules is the foundation of peace,", "")
    assert w == Reading("Whereas", "", ",")
    assert w.read("Whereas recognition of shared rules is the foundation of peace,") == (
        "Recognition of shared rules is the foundation of peace.")
    assert w.unread("Recognition of shared rules is the foundation of peace.") == (
        "Whereas recognition of shared rules is the foundation of peace,")
    # no subject named: an operative clause is left alone
    assert reading_of("Urges member States to act;", "") is None
