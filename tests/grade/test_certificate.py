"""Certificate verification codes: deterministic, typed forgivingly, numbers written as the browser writes them."""

from __future__ import annotations

import json

import pytest

from courseforge.cli import main
from courseforge.grade.certificate import js_number, normalise_code, verification_code
from courseforge.quiz.dump import dump_quiz

from .conftest import make_quiz, submission, write_json

SUB = {"format": "courseforge-submission/1", "course": "c", "quiz": "q", "quiz_version": "v",
       "learner": {"id": "L1", "name": "Amina"}, "submitted_at": "2026-01-02T03:04:05Z", "answers": {"a": 1600}}


@pytest.mark.parametrize("value, text", [
    (0, "0"), (-0.0, "0"), (1600, "1600"), (100.0, "100"), (3.5, "3.5"), (0.1 + 0.2, "0.30000000000000004"),
    (1e21, "1e+21"), (10 ** 22, "1e+22"), (1e16, "10000000000000000"), (1e-7, "1e-7"), (1.5e-6, "0.0000015"),
    (-2.5, "-2.5"), (123456789012345680000.0, "123456789012345680000"),
])
def test_numbers_are_written_as_javascript_writes_them(value, text):
    assert js_number(value) == text


def test_the_code_depends_on_learner_and_answers_not_on_the_name_or_key_order():
    code = verification_code(SUB)
    assert code == verification_code(json.loads(json.dumps(SUB)))
    assert code == verification_code({**SUB, "learner": {"id": "L1", "name": "Someone else"}})
    assert code == verification_code({**dict(reversed(list(SUB.items())))})
    assert code != verification_code({**SUB, "learner": {"id": "L2", "name": "Amina"}})
    assert code != verification_code({**SUB, "answers": {"a": 1601}})
    assert code != verification_code({**SUB, "submitted_at": "2026-01-02T03:04:06Z"})


@pytest.mark.parametrize("typed, code", [
    ("7K3QD-M2X9A", "7K3QD-M2X9A"), ("7k3qd m2x9a", "7K3QD-M2X9A"), (" 7K3QDM2X9A ", "7K3QD-M2X9A"),
    ("OIL00-00000", "01100-00000"), ("7K3QD", None), ("7K3QD-M2X9U", None), ("7K3QD-M2X9A-1", None),
])
def test_typed_codes_are_read_forgivingly(typed, code):
    assert normalise_code(typed) == code


def test_grade_without_out_or_verify_says_what_is_missing(tmp_path, capsys):
    quiz = make_quiz()
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "quiz-1.yml").write_text(dump_quiz(quiz), encoding="utf-8")
    write_json(tmp_path / "in" / "a.json", submission(quiz, "L1", "Ana"))
    sub = write_json(tmp_path / "in" / "b.json", submission(quiz, "L2", "Bo", at="2025-03-02T10:00:00Z"))
    run = ["grade", str(tmp_path / "in"), "--quizzes", str(quizzes), "--course", str(tmp_path)]
    assert main(run) == 2
    assert "--out: missing: give --out DIR" in capsys.readouterr().err
    code = verification_code(json.loads(sub.read_text(encoding="utf-8")))
    assert main(run + ["--verify", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{code} matches the answers of Bo (learner ID L2) to quiz 'quiz-1' (Migration basics), "
                          "submitted 2025-03-02T10:00:00Z, in ")
    assert "b.json" in out and "a.json" not in out and out.count("\n") == 1
    assert out.rstrip().endswith("points (100%), passed.")
    assert not (tmp_path / "out").exists()
