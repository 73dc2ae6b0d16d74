"""``courseforge export``: default paths, --quiz, notes printed, bad quiz files stop it."""

from __future__ import annotations

from pathlib import Path

from courseforge.cli import main
from courseforge.quiz.dump import dump_quiz

from .conftest import make_quizzes


def _course(tmp_path: Path) -> Path:
    (tmp_path / "course.yml").write_text("id: mig\ntitle: Migration and Development\n", encoding="utf-8")
    (tmp_path / "quizzes").mkdir()
    for quiz in make_quizzes():
        (tmp_path / "quizzes" / f"{quiz.id}.yml").write_text(dump_quiz(quiz), encoding="utf-8")
    return tmp_path


def test_gift_export_to_the_default_path_prints_what_was_left_out(tmp_path, capsys):
    course = _course(tmp_path)
    assert main(["export", "--course", str(course), "--format", "gift"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Wrote exports/mig-gift.txt: 8 of 8 questions from 2 quizzes, "
                      "for Moodle: Question bank > Import > GIFT format.")
    # the real losses come first, question by question; then one line per kind of what is left out
    assert out[1:] == [
        "Changed — check these in the LMS (4 questions):",
        "  nexus-check/drivers: GIFT has no question marks — worth 2 points here, it imports with Moodle's default "
        "mark 1; set it in the quiz",
        "  costs-quiz/cost: GIFT has no units — the unit '%' is added to the prompt",
        "  costs-quiz/match: GIFT has no distractors for matching — extra answers left out (x1); Moodle XML and "
        "QTI keep them",
        "  costs-quiz/three: all-or-nothing scoring has no Moodle equivalent — exported with -100% per wrong choice, "
        "so Moodle gives partial credit for some right choices and no wrong one",
        "Not carried over, by kind:",
        "  quiz settings: title, pass mark and mode are settings of the Moodle quiz, not of its questions "
        "(2 quizzes): set them there, as each quiz's YAML file gives them",
        "  hints: not carried by GIFT (1 question); Moodle XML keeps them",
    ]
    text = (course / "exports" / "mig-gift.txt").read_text(encoding="utf-8")
    assert "::nexus-check/remittances::[markdown]" in text


def test_a_skipped_question_is_named_first(tmp_path, capsys):
    course = _course(tmp_path)
    path = course / "quizzes" / "costs-quiz.yml"
    text = path.read_text(encoding="utf-8")
    assert "text: Send" in text
    path.write_text(text.replace("text: Send", "text: 'Send {by wire}'"), encoding="utf-8")
    assert main(["export", "--course", str(course), "--format", "gift"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Wrote exports/mig-gift.txt: 7 of 8 questions from 2 quizzes")
    assert out[1:3] == [
        "Skipped — not in the export (1 question):",
        "  costs-quiz/order: item 'i2' has a brace, which Moodle's GIFT ordering import cannot read — skipped; "
        "export Moodle XML or QTI to keep it"]


def test_one_quiz_with_quiz_option(tmp_path, capsys):
    course = _course(tmp_path)
    out = tmp_path / "one.xml"
    assert main(["export", "--course", str(course), "--format", "moodle-xml", "--quiz", "nexus-check",
                 "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("Wrote one.xml: 3 of 3 questions from 1 quiz, for ")
    assert b"costs-quiz" not in out.read_bytes()


def test_unknown_quiz_is_named_with_the_known_ones(tmp_path, capsys):
    course = _course(tmp_path)
    assert main(["export", "--course", str(course), "--format", "qti", "--quiz", "nope"]) == 1
    assert capsys.readouterr().err.strip() == "courseforge: --quiz nope: no quiz has this id (quizzes: costs-quiz, nexus-check)"
    assert not (course / "exports").exists()


def test_a_broken_quiz_file_stops_the_export_with_its_line(tmp_path, capsys):
    course = _course(tmp_path)
    path = course / "quizzes" / "nexus-check.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("pass_mark: 70", "pass_mark: lots"), encoding="utf-8")
    assert main(["export", "--course", str(course), "--format", "gift"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("quizzes/nexus-check.yml:6:")
    assert err[-1] == "courseforge: export stopped: fix the quiz files above (courseforge check lists them)"
    assert not (course / "exports").exists()


def test_scorm_takes_the_whole_course(tmp_path, capsys):
    course = _course(tmp_path)
    assert main(["export", "--course", str(course), "--format", "scorm", "--quiz", "nexus-check"]) == 1
    assert capsys.readouterr().err.strip() == (
        "courseforge: --quiz does not apply to SCORM: the package holds the whole course")
