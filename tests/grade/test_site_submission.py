"""The submission the site's browser test downloads (tests/browser/test_quiz_assessment.py) grades end to end.

The browser test grades the very file it downloads; here a file of the same
shape, on the same test course (tests/site/conftest.py), goes through
``courseforge grade`` with its console summary and report checked too.
"""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

from courseforge.cli import main
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.public import public_alias, public_question_version, quiz_version

_spec = importlib.util.spec_from_file_location(
    "site_course_for_grade", Path(__file__).resolve().parents[1] / "site" / "conftest.py")
site_course = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_course)


def downloaded_submission(course_dir: Path) -> dict:
    quiz, diags = load_quiz_file(course_dir / "quizzes" / "q-exam.yml")
    assert quiz is not None, diags
    by_id = {q.id: q for q in quiz.questions}
    return {
        "format": "courseforge-submission/1",
        "course": "test-course",
        "quiz": "q-exam",
        "quiz_version": quiz_version(quiz),
        "question_versions": {q.id: public_question_version(q) for q in quiz.questions},
        "learner": {"id": "UN-0042", "name": "Amina <b>Diallo</b>"},
        "submitted_at": "2025-05-06T07:08:09Z",
        # As the site sends them: ordering items and matching rights under their aliases.
        "answers": {
            "e1": "y", "e2": False, "e3": "zebraword", "e4": 98765,
            "e5": [public_alias(by_id["e5"], t) for t in ("Zulu step", "Alpha step", "Mike step")],
            "e6": {"m1": public_alias(by_id["e6"], "Right two"), "m2": public_alias(by_id["e6"], "Right two")},
            "e7": ["o1", "o3"],
        },
    }


def test_site_download_grades_end_to_end(tmp_path: Path, capsys):
    course = site_course.make_course(tmp_path / "course", exam=True)
    path = tmp_path / "q-exam-UN-0042.json"
    path.write_text(json.dumps(downloaded_submission(course), indent=2) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["grade", str(path), "--out", str(out), "--course", str(course)]) == 0
    assert capsys.readouterr().out.strip() == "graded 1 submission from 1 learner; none rejected"
    with open(out / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    # e1 1 + e2 0 (key true) + e3 1 (case ignored) + e4 1 + e5 1 + e6 ½ (m2 right, m1 wrong) + e7 1 = 5.5 of 7
    assert row == {"learner_id": "UN-0042", "learner_name": "Amina <b>Diallo</b>", "quiz": "q-exam",
                   "score": "5.5", "max": "7", "percent": "78.57", "passed": "yes", "attempt": "1",
                   "submitted_at": "2025-05-06T07:08:09Z"}
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["attempts"][0]["marks"] == {"e1": 1, "e2": 0, "e3": 1, "e4": 1, "e5": 1, "e6": 0.5, "e7": 1}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Amina &lt;b&gt;Diallo&lt;/b&gt;" in html and "<b>Diallo" not in html
