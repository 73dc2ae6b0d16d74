"""report.html: self-contained, offline, escaped; the brief's submission file end to end."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from courseforge.cli import main
from courseforge.grade.engine import Progress, grade
from courseforge.quiz.dump import dump_quiz
from courseforge.quiz.public import public_question_version, quiz_version

from .conftest import make_quiz, submission, write_json


def test_report_is_self_contained_and_offline(tmp_path: Path):
    quiz = make_quiz()
    for i in range(6):
        answers = {"q1": "a" if i < 3 else "b", "q3": i % 2 == 0, "q2": ["a", "b"][: 1 + i % 2]}
        write_json(tmp_path / "in" / f"{i}.json", submission(quiz, f"L{i}", f"Learner {i}", answers=answers))
    grade([tmp_path / "in"], [quiz], tmp_path / "out", root=tmp_path, progress=False, course_title="Migration")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"" in html
    # no external resource of any kind: the only URL is the SVG namespace name (never fetched)
    assert set(re.findall(r"https?://[^\"' )]+", html)) == {"http://www.w3.org/2000/svg"}
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "<h1>Grading report — Migration</h1>" in html
    assert html.count("<svg") >= 4  # histogram, facility, discrimination, option frequencies
    assert "<h3>Discrimination per question</h3>" in html
    assert "Cronbach's alpha" in html
    assert "Only 6 learners: item statistics are unreliable" in html
    # q1: 3 of 6 right → facility 50 %; q4 never answered → 0 % and flagged as very hard
    assert "<td><code>q1</code> Capital?" in html
    assert "very hard: facility 0 % (below 20 %)" in html


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    quiet = io.StringIO()
    assert Progress([], stream=quiet).enabled is False
    tty = Tty()
    bar = Progress([], stream=tty)
    assert bar.enabled is True
    bar.start -= 5  # pretend the run has been going for a while
    bar.last -= 5
    for _ in range(256):
        bar.update(10)
    bar.close()
    out = tty.getvalue()
    assert "grading [" in out and "256 submissions" in out and out.endswith("\r")


def test_submission_file_shaped_as_the_brief_grades_end_to_end(tmp_path: Path, capsys):
    """The file the site downloads in assessment mode (courseforge-submission/1), written out literally."""
    quiz = make_quiz()
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "quiz-1.yml").write_text(dump_quiz(quiz), encoding="utf-8")
    (tmp_path / "course.yml").write_text("id: migration-and-development\ntitle: Migration\n", encoding="utf-8")
    text = json.dumps({
        "format": "courseforge-submission/1",
        "course": "migration-and-development",
        "quiz": "quiz-1",
        "quiz_version": quiz_version(quiz),
        "question_versions": {q.id: public_question_version(q) for q in quiz.questions},
        "learner": {"id": "amina.k@example.org", "name": "Amina K."},
        "submitted_at": "2025-03-01T14:05:09.123Z",
        "answers": {"q1": "a", "q2": ["b"], "q3": False, "q4": "nyc", "q5": 280.5,
                    "q6": {"p1": "p1", "p2": "p3", "p3": "p2"}, "q7": ["i1", "i2", "i4", "i3"]},
    }, indent=2)
    (tmp_path / "quiz-1-amina.json").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    status = main(["grade", str(tmp_path / "quiz-1-amina.json"), "--out", str(out), "--course", str(tmp_path)])
    assert status == 0
    assert capsys.readouterr().out.strip() == "graded 1 submission from 1 learner; none rejected"
    with open(out / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    # q1 2 + q2 (1/2 × 2 = 1) + q3 0 + q4 1 + q5 1 + q6 (1/3 × 3 = 1) + q7 (2/4 × 4 = 2) = 8 of 14
    assert rows == [
        ["learner_id", "learner_name", "quiz", "score", "max", "percent", "passed", "attempt", "submitted_at"],
        ["amina.k@example.org", "Amina K.", "quiz-1", "8", "14", "57.14", "no", "1", "2025-03-01T14:05:09.123Z"],
    ]
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["attempts"][0]["marks"] == {"q1": 2, "q2": 1, "q3": 0, "q4": 1, "q5": 1, "q6": 1, "q7": 2}


def test_discrimination_chart_colours_and_labels_as_shown():
    from courseforge.grade.report import diverging_svg

    svg = diverging_svg([("zero", 0.0), ("minus-zero", -0.0), ("tiny", -1e-17), ("near", 0.1987),
                         ("low", 0.1949)], "discrimination", 0.2)
    labels = re.findall(r">(-?\d\.\d\d)<", svg)
    colours = re.findall(r'fill="(#[0-9a-f]+)"', svg)
    assert labels == ["0.00", "0.00", "0.00", "0.20", "0.19"]  # never "-0.00"
    red, blue = "#b3261e", "#3b6fb6"
    assert colours == [red, red, red, blue, red]  # 0.1987 reads 0.20: not below 0.20
