"""The export report: real losses first and named, everything else one line per kind."""

from __future__ import annotations

from courseforge.export.report import OMITTED, Notes, report_lines


def _notes(n_hints: int) -> Notes:
    notes = Notes()
    for z in ("quiz-a", "quiz-b"):
        notes.add(z, None, f"pass mark of {z}", kind="quiz settings", level="setting",
                  summary="set them on the LMS quiz ({count})")
    for i in range(n_hints):
        notes.add("quiz-a", f"q{i}", "GIFT has no hints — 1 hint(s) left out", kind="hints",
                  summary="not carried by GIFT ({count})", level=OMITTED)
    return notes


def test_a_kind_left_out_of_many_questions_is_one_line():
    lines = report_lines(_notes(95))
    assert lines == ["Not carried over, by kind:",
                     "  quiz settings: set them on the LMS quiz (2 quizzes)",
                     "  hints: not carried by GIFT (95 questions)"]


def test_skipped_questions_come_first_and_each_is_named_even_after_many_small_notes():
    notes = _notes(40)
    notes.add("quiz-b", "order", "ordering has no equivalent — skipped", skipped=True)
    notes.add("quiz-b", "odd", "type 'essay' is unknown — skipped", skipped=True)
    lines = report_lines(notes)
    assert lines[:3] == ["Skipped — not in the export (2 questions):",
                         "  quiz-b/order: ordering has no equivalent — skipped",
                         "  quiz-b/odd: type 'essay' is unknown — skipped"]
    assert lines[-1] == "  hints: not carried by GIFT (40 questions)"
    assert len(lines) == 6


def test_changed_questions_are_named_one_by_one_or_listed_under_their_kind():
    notes = Notes()
    notes.add("z", "a", "worth 2 points here", kind="marks", summary="reset to 1 ({count})")
    notes.add("z", "b", "raw HTML", kind="raw HTML", summary="as plain text ({count})")
    for q in ("c", "d", "e", "f"):
        notes.add("z", q, "worth 3 points here", kind="marks", summary="reset to 1 ({count})")
    notes.add("z", "g", "a note of no kind")
    assert report_lines(notes) == [
        "Changed — check these in the LMS (7 questions):",
        "  marks: reset to 1 (5 questions) — z/a, z/c, z/d, z/e, z/f",
        "  z/b: raw HTML",
        "  z/g: a note of no kind",
    ]


def test_nothing_to_report_prints_nothing():
    assert report_lines(Notes()) == []
