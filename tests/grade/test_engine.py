"""End to end: a corpus of good and broken submissions, every output checked."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from courseforge.cli import main
from courseforge.grade.engine import grade
from courseforge.quiz.dump import dump_quiz

from .conftest import make_quiz, submission, write_json

BAD_UTF8 = b'{"format": "courseforge-submission/1", "learner": {"id": "L\xff"}}'


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file under ``out`` (links followed) with its bytes."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    quiz = make_quiz()
    d = tmp_path / "in"
    write_json(d / "good-1.json", submission(quiz, "L1", "Ana"))
    write_json(d / "sub" / "good-2.json", submission(quiz, "L2", "Bo", answers={"q1": "b"}))
    write_json(d / "array.json", [submission(quiz, "L7", "Cy"), {"format": "courseforge-submission/1"}])
    (d / "cut.json").write_text('{"format": "courseforge-submission/1", "quiz": ', encoding="utf-8")
    (d / "latin1.json").write_bytes(BAD_UTF8)
    (d / "huge.json").write_text(json.dumps(submission(quiz, "L8", "x" * 10)) + " " * (1 << 20), encoding="utf-8")
    write_json(d / "tag.json", submission(quiz, "L9", format="other/1"))
    write_json(d / "noid.json", submission(quiz, "", "Nobody"))
    unknown_quiz = submission(quiz, "L10")
    unknown_quiz["quiz"] = "quiz-404"
    write_json(d / "unknown-quiz.json", unknown_quiz)
    bad_option = submission(quiz, "L11")
    bad_option["answers"]["q1"] = "zz"
    write_json(d / "bad-option.json", bad_option)
    bad_type = submission(quiz, "L12")
    bad_type["answers"]["q5"] = "many"
    write_json(d / "bad-type.json", bad_type)
    unknown_q = submission(quiz, "L13")
    unknown_q["answers"]["q42"] = "a"
    write_json(d / "unknown-question.json", unknown_q)
    (d / "notes.txt").write_text("not a submission", encoding="utf-8")
    lines = [
        json.dumps(submission(quiz, "L3", "Di")),
        '{"format": "courseforge-submission/1", "quiz": "quiz-1", "learner": {"id": "L14"',
        "",
        json.dumps(submission(quiz, "L4", "Ed", answers={"q3": False})),
    ]
    with open(d / "batch.jsonl", "wb") as fh:
        fh.write("\n".join(lines).encode() + b"\n" + BAD_UTF8 + b"\n")
        fh.write(json.dumps(submission(quiz, "L5", "Fa")).encode() + b"\n")
    (d / "form.csv").write_text(
        "learner_id,learner_name,quiz,submitted_at,q1,q2,q3,q5,q6,email\n"
        "L6,Gil,quiz-1,2025-03-02T09:00:00Z,a,a|b,yes,\"281,5\",p1=p1|p2=p2|p3=p3,gil@example.org\n"
        "L15,Hu,quiz-1,,a,,perhaps,,,\n"
        ",Nameless,quiz-1,,a,,,,,\n"
        "L16,Io,quiz-2,,a,,,,,\n",
        encoding="utf-8",
    )
    return d


EXPECTED_ERRORS = [
    ("in/array.json", "record 2", "no learner: the submission does not say who it is from"),
    ("in/bad-option.json", "", "question q1: option 'zz' does not exist"),
    ("in/bad-type.json", "", "question q5: expected a number, got text"),
    ("in/batch.jsonl", "2", "not valid JSON (Expecting ',' delimiter at column 81); the line may be cut short "
     "or edited by hand"),
    ("in/batch.jsonl", "5", "not valid UTF-8 (byte 0xff at column 60); save the file as UTF-8"),
    ("in/cut.json", "1", "not valid JSON (Expecting value at column 48); the file may be cut short or edited "
     "by hand"),
    ("in/form.csv", "3", "question q3: expected true or false (or yes/no), got 'perhaps'"),
    ("in/form.csv", "4", "no learner id: the submission does not say who it is from"),
    ("in/form.csv", "5", "unknown quiz 'quiz-2': no quiz with this id in the quizzes folder"),
    ("in/huge.json", "", "file is over the 1,048,576-byte limit for one submission (a submission is a few "
     "kilobytes)"),
    ("in/latin1.json", "1", "not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    ("in/noid.json", "", "no learner id: the submission does not say who it is from"),
    ("in/tag.json", "", "unknown format 'other/1': this version of courseforge grades courseforge-submission/1"),
    ("in/unknown-question.json", "", "unknown question 'q42': quiz 'quiz-1' has no such question"),
    ("in/unknown-quiz.json", "", "unknown quiz 'quiz-404': no quiz with this id in the quizzes folder"),
]


def test_broken_corpus_lands_in_errors_and_good_ones_are_graded(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    summary = grade([corpus], [make_quiz()], out, root=tmp_path, course_id="migration-and-development",
                    progress=False)

    errors = read_csv(out / "errors.csv")
    assert sorted((e["file"], e["line"], e["reason"]) for e in errors) == EXPECTED_ERRORS
    assert summary.rejected == len(EXPECTED_ERRORS)

    book = read_csv(out / "gradebook.csv")
    assert [(r["learner_id"], r["score"], r["percent"], r["passed"]) for r in book] == [
        ("L1", "14", "100", "yes"), ("L2", "0", "0", "no"), ("L3", "14", "100", "yes"),
        ("L4", "0", "0", "no"), ("L5", "14", "100", "yes"),
        # L6 from CSV: q1 2 + q2 2 + q3 1 + q5 1 (281.5) + q6 3 = 9 of 14
        ("L6", "9", "64.29", "yes"), ("L7", "14", "100", "yes"),
    ]
    assert summary.graded == 7 and summary.learners == 7 and summary.skipped == {"other": 1}

    warnings = read_csv(out / "warnings.csv")
    assert [(w["file"], w["line"], w["reason"]) for w in warnings] == [
        ("in/form.csv", "1", "column 'email' is not a question id of any quiz; ignored")]

    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert [a["learner_id"] for a in results["attempts"]] == ["L7", "L3", "L4", "L5", "L6", "L1", "L2"]
    l4 = next(a for a in results["attempts"] if a["learner_id"] == "L4")
    assert l4["marks"] == {"q1": 0, "q2": 0, "q3": 0, "q4": 0, "q5": 0, "q6": 0, "q7": 0}
    assert l4["unanswered"] == ["q1", "q2", "q4", "q5", "q6", "q7"]  # q3 answered, wrongly
    assert l4["file"] == "in/batch.jsonl" and l4["line"] == 4
    l2 = next(a for a in results["attempts"] if a["learner_id"] == "L2")
    assert l2["marks"]["q1"] == 0 and l2["unanswered"] == ["q2", "q3", "q4", "q5", "q6", "q7"]
    assert results["summary"] == {"graded": 7, "rejected": 15, "warnings": 1, "duplicates": 0, "learners": 7}
    assert len(results["graded"]) == 7

    after = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert after == before  # inputs never modified
    assert sorted(p.name for p in out.iterdir()) == [".courseforge-grade", "errors.csv", "gradebook.csv",
                                                     "report.html", "results.json", "warnings.csv"]
    (run,) = [p for p in (out / ".courseforge-grade").iterdir() if p.name.startswith("run-")]
    assert sorted(p.name for p in run.iterdir()) == ["errors.csv", "gradebook.csv", "report.html", "results.json",
                                                     "warnings.csv"]  # no temporary files left


def test_jsonl_line_over_the_size_limit(tmp_path: Path):
    quiz = make_quiz()
    big = submission(quiz, "L2", "y" * 1500)
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(submission(quiz, "L1")) + "\n" + json.dumps(big) + "\n", encoding="utf-8")
    from courseforge.grade import inputs

    records = list(inputs.read_jsonl(path, "s.jsonl", limit=1000))
    assert [r[0] for r in records] == ["json", "error"]
    assert records[1][1:4] == ("s.jsonl", 2, "line is over the 1,000-byte limit for one submission")


def test_attempts_policy_end_to_end(tmp_path: Path):
    quiz = make_quiz()
    d = tmp_path / "in"
    write_json(d / "a1.json", submission(quiz, "L1", at="2025-03-01T10:00:00Z", answers={"q1": "a"}))  # 2
    write_json(d / "a2.json", submission(quiz, "L1", at="2025-03-02T10:00:00Z"))  # 14
    write_json(d / "a3.json", submission(quiz, "L1", at="2025-03-03T10:00:00Z", answers={"q3": True}))  # 1
    write_json(d / "copy" / "a3.json", submission(quiz, "L1", at="2025-03-03T10:00:00Z", answers={"q3": True}))
    rows = {}
    for policy in ("best", "last", "first"):
        grade([d], [quiz], tmp_path / policy, policy=policy, root=tmp_path, progress=False)
        (row,) = read_csv(tmp_path / policy / "gradebook.csv")
        rows[policy] = (row["score"], row["attempt"], row["submitted_at"])
    assert rows == {"best": ("14", "2", "2025-03-02T10:00:00Z"), "last": ("1", "3", "2025-03-03T10:00:00Z"),
                    "first": ("2", "1", "2025-03-01T10:00:00Z")}
    warnings = read_csv(tmp_path / "best" / "warnings.csv")
    assert [(w["file"], w["reason"]) for w in warnings] == [
        ("in/copy/a3.json", "duplicate: an attempt with the same learner, quiz and submitted_at was already read; "
         "counted once")]
    results = json.loads((tmp_path / "best" / "results.json").read_text(encoding="utf-8"))
    assert len(results["attempts"]) == 4 and results["attempts"][3]["duplicate"] is True
    assert results["graded"] == [{"quiz": "quiz-1", "learner_id": "L1", "n": 2, "attempt": 2, "attempts": 3}]


def test_hostile_strings_are_neutralised(tmp_path: Path):
    quiz = make_quiz()
    d = tmp_path / "in"
    write_json(d / "x.json", submission(quiz, '=HYPERLINK("http://evil.example","click")',
                                        "<script>alert(1)</script>"))
    write_json(d / "y.json", submission(quiz, "@SUM(A1)", "+1-2", answers={"q1": "<img src=x onerror=alert(2)>"}))
    write_json(d / "z.json", submission(quiz, "-3", "\tname\r"))
    write_json(d / "w.json", submission(quiz, "L4", "+1-2"))
    grade([d], [quiz], tmp_path / "out", root=tmp_path, progress=False)
    book = read_csv(tmp_path / "out" / "gradebook.csv")
    ids = {r["learner_id"] for r in book}
    assert ids == {"'-3", "'=HYPERLINK(\"http://evil.example\",\"click\")", "L4"}
    names = {r["learner_name"] for r in book}
    assert names == {"name", "<script>alert(1)</script>", "'+1-2"}
    errors = read_csv(tmp_path / "out" / "errors.csv")
    assert errors == [{"file": "in/y.json", "line": "",
                       "reason": "question q1: option '<img src=x onerror=alert(2)>' does not exist"}]
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in html
    assert "<td>=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)</td>" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_cli_grades_with_yaml_quizzes_and_exit_status(tmp_path: Path, capsys):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "quiz-1.yml").write_text(dump_quiz(make_quiz()), encoding="utf-8")
    good = write_json(tmp_path / "in" / "good.json", submission(make_quiz(), "L1"))
    out = tmp_path / "out"
    assert main(["grade", str(good), "--quizzes", str(quizzes), "--out", str(out), "--course", str(tmp_path)]) == 0
    printed = capsys.readouterr()
    assert printed.out.strip() == "graded 1 submission from 1 learner; none rejected"
    (tmp_path / "in" / "bad.json").write_text("{", encoding="utf-8")
    assert main(["grade", str(tmp_path / "in"), "--quizzes", str(quizzes), "--out", str(out),
                 "--course", str(tmp_path)]) == 1
    printed = capsys.readouterr()
    assert printed.out.strip() == f"graded 1 submission from 1 learner; 1 rejected — see {out}/errors.csv"
    assert "bad.json:1: not valid JSON (Expecting property name enclosed in double quotes at column 2)" in printed.err


def test_a_crash_mid_run_leaves_the_previous_outputs_whole(tmp_path: Path, monkeypatch):
    quiz = make_quiz()
    for i in range(5):
        write_json(tmp_path / "in" / f"{i}.json", submission(quiz, f"L{i}"))
    out = tmp_path / "out"
    grade([tmp_path / "in"], [quiz], out, root=tmp_path, progress=False)
    before = snapshot(out)

    from courseforge.grade import engine

    calls = {"n": 0}
    real = engine.check_submission

    def crashing(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # Ctrl-C (or a power cut) in the middle of the run
        return real(*args, **kw)

    monkeypatch.setattr(engine, "check_submission", crashing)
    write_json(tmp_path / "in" / "9.json", submission(quiz, "L9"))
    with pytest.raises(KeyboardInterrupt):
        grade([tmp_path / "in"], [quiz], out, root=tmp_path, progress=False)
    assert snapshot(out) == before  # old outputs intact, no temporary files


def test_cli_out_folder_that_cannot_be_written(tmp_path: Path, capsys):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "quiz-1.yml").write_text(dump_quiz(make_quiz()), encoding="utf-8")
    good = write_json(tmp_path / "in" / "good.json", submission(make_quiz(), "L1"))
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    status = main(["grade", str(good), "--quizzes", str(quizzes), "--out", str(tmp_path / "taken" / "out"),
                   "--course", str(tmp_path)])
    assert status == 3  # its own status: not "some submissions rejected" (1)
    err = capsys.readouterr().err
    assert "cannot write the outputs: Not a directory; nothing was half-written" in err
