"""An assessment ends in a downloaded submission file, exactly in the brief's format."""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from courseforge.cli import main
from courseforge.quiz.load import load_quiz_file
from courseforge.quiz.public import public_alias, public_question_version, quiz_version, resolve_answer
from learner import choose, move_into_order

E = "#quiz-q-exam"


def q(name: str) -> str:
    return f"#cf-q-exam-{name}"


def answer_exam(page, *, skip: str | None = None) -> None:
    if skip != "e1":
        page.check(f"{q('e1')}-y")
    page.check(f"{q('e2')}-false")
    page.fill(f"{q('e3')}-input", "zebraword")
    page.fill(f"{q('e4')}-input", "98 765")  # spaces between thousands are fine
    move_into_order(page, "e5", ORDER_CHOSEN, base=q)  # by their text, with the Move up buttons
    for left, right in MATCH_CHOSEN.items():  # by the visible labels of left and right
        choose(page, "e6", left, right, base=q)
    page.check(f"{q('e7')}-o1")
    page.check(f"{q('e7')}-o3")


# What the learner means, in the words on screen: the key's order (k1, k2, k3), and "Right two"
# for both lefts (right for "Left two" only).
ORDER_CHOSEN = ["Zulu step", "Alpha step", "Mike step"]
MATCH_CHOSEN = {"Left one": "Right two", "Left two": "Right two"}
# The same answers in the model's ids, as the grader must read them.
MEANT = {"e1": "y", "e2": False, "e3": "zebraword", "e4": 98765, "e5": ["k1", "k2", "k3"],
         "e6": {"m1": "m2", "m2": "m2"}, "e7": ["o1", "o3"]}


def download(page, *, tmp_path: Path, base: str) -> dict:
    with page.expect_download() as info:
        page.click(f"{E} .cf-download")
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return json.loads(target.read_text(encoding="utf-8")), info.value.suggested_filename


def grade_download(path: Path, course_dir: Path, out: Path) -> dict:
    """``courseforge grade`` on one downloaded file: its single gradebook row."""
    assert main(["grade", str(path), "--out", str(out), "--course", str(course_dir), "--no-progress"]) == 0
    with open(out / "gradebook.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    return row


def exam_quiz(course_dir: Path):
    quiz, diags = load_quiz_file(course_dir / "quizzes" / "q-exam.yml")
    assert quiz is not None, diags
    return quiz


def expected_submission(course_dir: Path) -> dict:
    quiz = exam_quiz(course_dir)
    by_id = {qq.id: qq for qq in quiz.questions}
    lefts = {p.left: p.id for p in by_id["e6"].pairs}
    return {
        "format": "courseforge-submission/1",
        "course": "test-course",
        "quiz": "q-exam",
        "quiz_version": quiz_version(quiz),
        "question_versions": {qq.id: public_question_version(qq) for qq in quiz.questions},
        "learner": {"id": "UN-0042", "name": "Amina <b>Diallo</b>"},
        "answers": {
            "e1": "y", "e2": False, "e3": "zebraword", "e4": 98765,
            # Items and rights travel as the aliases of their texts; lefts keep their pair ids.
            "e5": [public_alias(by_id["e5"], text) for text in ORDER_CHOSEN],
            "e6": {lefts[left]: public_alias(by_id["e6"], right) for left, right in MATCH_CHOSEN.items()},
            "e7": ["o1", "o3"],
        },
    }


def walk_assessment(page, base: str, tmp_path: Path, course_dir: Path) -> None:
    page.goto(base + "02-exam/" if base.startswith("http") else base + "02-exam.html")
    page.wait_for_selector(f"{E}[data-cf-ready]")
    # No feedback and no check button in an assessment.
    assert page.locator(f"{E} .cf-check").count() == 0
    assert page.locator(f"{E} .cf-q__feedback").count() == 0
    answer_exam(page, skip="e1")

    # Name and id first.
    page.click(f"{E} .cf-download")
    assert page.inner_text(f"{E} .cf-quiz__summary") == "Please type your full name and your learner ID first."
    page.fill(f"{E} .cf-learner-name", "Amina <b>Diallo</b>")
    page.fill(f"{E} .cf-learner-id", "UN-0042")
    # An unanswered question asks for confirmation before anything is downloaded.
    page.click(f"{E} .cf-download")
    assert page.inner_text(f"{E} .cf-quiz__summary") == (
        "Question 1 has no answer. Select “Download my answers” again to send your answers anyway.")
    page.check(f"{q('e1')}-y")

    before = datetime.now(timezone.utc).replace(microsecond=0)
    data, name = download(page, tmp_path=tmp_path, base=base)
    after = datetime.now(timezone.utc)
    assert name == "q-exam-UN-0042.json"
    submitted = data.pop("submitted_at")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", submitted)
    when = datetime.strptime(submitted, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert before - timedelta(seconds=1) <= when <= after
    assert data == expected_submission(course_dir)
    # The grader's resolve_answer turns them back into exactly what the learner meant.
    quiz = exam_quiz(course_dir)
    assert {qq.id: resolve_answer(qq, data["answers"][qq.id]) for qq in quiz.questions} == MEANT
    # The trainer grades exactly the file the browser saved.
    assert grade_download(tmp_path / name, course_dir, tmp_path / "graded") == {
        "learner_id": "UN-0042", "learner_name": "Amina <b>Diallo</b>", "quiz": "q-exam",
        # e1 1 + e2 0 + e3 1 (case ignored) + e4 1 + e5 1 + e6 ½ (m2 right, m1 wrong) + e7 1 = 5.5 of 7
        "score": "5.5", "max": "7", "percent": "78.57", "passed": "yes", "attempt": "1", "submitted_at": submitted}
    assert page.inner_text(f"{E} .cf-quiz__summary") == (
        "Your answers were saved as the file q-exam-UN-0042.json. Send this file to your trainer.")

    # After a reload the answers and the learner are still there, and the module counts as done.
    page.reload()
    page.wait_for_selector(f"{E}[data-cf-ready]")
    assert page.input_value(f"{q('e3')}-input") == "zebraword"
    assert page.input_value(f"{E} .cf-learner-id") == "UN-0042"
    assert page.inner_text(f"{E} .cf-quiz__summary").startswith("Answers downloaded on ")


def test_assessment_download(page, sites, tmp_path):
    walk_assessment(page, sites["exam"], tmp_path, sites["exam_dir"])


def test_lms_report_when_framed(page, sites):
    """Inside an LMS frame, each check reports the quiz record to window.parent.courseforgeLMS."""
    page.goto(sites["practice"])
    page.evaluate("""url => {
        window.courseforgeLMS = {records: [], report(r) { this.records.push(r); }};
        const f = document.createElement('iframe'); f.src = url; f.id = 'lms'; document.body.appendChild(f);
    }""", sites["practice"] + "01-basics/")
    frame = page.frame_locator("#lms")
    frame.locator("#quiz-q-basics[data-cf-ready]").wait_for()
    frame.locator("#cf-q-basics-capital-b").check()
    frame.locator("#cf-q-basics-capital .cf-check").click()
    # The totals come from the list of quizzes, which the frame loads beside the page.
    page.wait_for_function("window.courseforgeLMS.records.length > 0")
    records = page.evaluate("window.courseforgeLMS.records")
    # the framed page has loaded the list of quizzes (course-quizzes.js) to count them
    framed = next(f for f in page.frames if f.url.endswith("/01-basics/"))
    version = framed.evaluate("window.courseforgeQuizzes[0].version")
    assert records == [{
        "course": "test-course", "quiz": "q-basics", "module": "01-basics", "mode": "practice",
        "score": 1, "max": 7, "percent": 14.29, "passed": False, "completed_quizzes": 0, "total_quizzes": 2,
        # for a resume elsewhere: done (as the site counts it), the quiz version, an assessment's certificate code
        "done": False, "version": version, "code": None,
    }]
