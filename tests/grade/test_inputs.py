"""Readers: folders, JSON arrays, JSON Lines, CSV quirks."""

from __future__ import annotations

import io
import json
from pathlib import Path

from courseforge.grade import inputs

from .conftest import make_quiz, submission, write_json


def test_lines_never_hold_an_over_long_line():
    data = b"x" * 10 + b"\nshort\n" + b"y" * 25 + b"\nend"
    for chunk in (1, 3, 7, 100):
        assert list(inputs._lines(io.BytesIO(data), 8, chunk)) == [
            (1, None, 11), (2, b"short", 6), (3, None, 26), (4, b"end", 3)]


def test_expand_inputs_sorts_skips_hidden_and_dedupes(tmp_path: Path):
    d = tmp_path / "in"
    for name in ("b.json", "a/c.jsonl", "a/d.csv", ".hidden.json", ".git/x.json", "e.ndjson", "f.txt"):
        (d / name).parent.mkdir(parents=True, exist_ok=True)
        (d / name).write_text("{}", encoding="utf-8")
    files, errors, ignored = inputs.expand_inputs([d, d / "b.json", tmp_path / "missing.json", d / "f.txt"],
                                                  root=tmp_path)
    assert [(fmt, shown) for _, fmt, shown in files] == [
        ("jsonl", "in/a/c.jsonl"), ("csv", "in/a/d.csv"), ("json", "in/b.json"), ("jsonl", "in/e.ndjson")]
    assert [(e[1], e[3]) for e in errors] == [
        ("in/.git", "skipped: a hidden folder (its name starts with a dot); the files in it were not read"),
        ("in/.hidden.json", "skipped: a hidden file (its name starts with a dot); rename it without the dot to "
         "grade it"),
        ("missing.json", "no such file or folder"),
        ("in/f.txt", "not a submission file: expected .json, .jsonl or .csv")]
    assert ignored == {"other": 1, "hidden": 2}  # hidden ones counted too (a file and a folder)


def test_output_folder_inside_input_is_not_read(tmp_path: Path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "results.json").write_text("{}", encoding="utf-8")
    (tmp_path / "s.json").write_text("{}", encoding="utf-8")
    files, _, _ = inputs.expand_inputs([tmp_path], root=tmp_path, exclude=[tmp_path / "out"])
    assert [shown for _, _, shown in files] == ["s.json"]


def test_json_array_records(tmp_path: Path):
    quiz = make_quiz()
    path = write_json(tmp_path / "all.json", [submission(quiz, "L1"), submission(quiz, "L2")])
    recs = list(inputs.read_json_file(path, "all.json"))
    assert [(r[0], r[2], r[3]["learner"]["id"]) for r in recs] == [("json", "record 1", "L1"),
                                                                   ("json", "record 2", "L2")]
    (tmp_path / "empty.json").write_text("[]", encoding="utf-8")
    assert [r[3] for r in inputs.read_json_file(tmp_path / "empty.json", "empty.json")] == [
        "empty list: no submissions in this file"]


def test_jsonl_with_bom_crlf_and_blank_lines(tmp_path: Path):
    quiz = make_quiz()
    text = "\ufeff" + json.dumps(submission(quiz, "L1")) + "\r\n\r\n" + json.dumps(submission(quiz, "L2")) + "\r\n"
    (tmp_path / "s.jsonl").write_bytes(text.encode("utf-8"))
    recs = list(inputs.read_jsonl(tmp_path / "s.jsonl", "s.jsonl"))
    assert [(r[0], r[2], r[3]["learner"]["id"]) for r in recs] == [("json", 1, "L1"), ("json", 3, "L2")]


def test_csv_rows_quoted_newlines_bom_and_line_numbers(tmp_path: Path):
    text = ("\ufefflearner_id,Learner_Name,QUIZ,q1,q4\r\n"
            "L1,\"Ana\nMaria\",quiz-1,a,\"New, York\"\r\n"
            "\r\n"
            "L2,Bo,quiz-1,b,\r\n")
    (tmp_path / "f.csv").write_bytes(text.encode("utf-8"))
    recs = list(inputs.read_csv(tmp_path / "f.csv", "f.csv", {"q1", "q4"}))
    assert [(r[0], r[2], r[3]) for r in recs] == [
        ("csv", 2, {"learner_id": "L1", "learner_name": "Ana\nMaria", "quiz": "quiz-1",
                    "answers": {"q1": "a", "q4": "New, York"}}),
        ("csv", 5, {"learner_id": "L2", "learner_name": "Bo", "quiz": "quiz-1", "answers": {"q1": "b"}}),
    ]


def test_csv_problems(tmp_path: Path):
    (tmp_path / "nohead.csv").write_text("name,score\nAna,3\n", encoding="utf-8")
    assert [r[3] for r in inputs.read_csv(tmp_path / "nohead.csv", "nohead.csv")] == [
        "the header row needs the columns learner_id and quiz (missing: learner_id, quiz); then learner_name, "
        "submitted_at and one column per question id"]
    (tmp_path / "dup.csv").write_text("learner_id,quiz,q1,q1\n", encoding="utf-8")
    assert [r[3] for r in inputs.read_csv(tmp_path / "dup.csv", "dup.csv")] == [
        "column 'q1' appears twice in the header row; fix the header"]
    (tmp_path / "wide.csv").write_bytes(b"learner_id,quiz,q1\nL1,quiz-1,a,b\nL2,quiz-1,\xe9\nL3,quiz-1,a\n")
    recs = list(inputs.read_csv(tmp_path / "wide.csv", "wide.csv", {"q1"}))
    assert [(r[0], r[2], r[3] if r[0] == "error" else r[3]["learner_id"]) for r in recs] == [
        ("error", 2, "row has 4 cells but the header has 3; a comma inside an answer must be in quotes"),
        ("error", 3, "not valid UTF-8 (byte 0xe9 at column 11); save the file as UTF-8"),
        ("csv", 4, "L3"),
    ]
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert [r[3] for r in inputs.read_csv(tmp_path / "empty.csv", "empty.csv")] == ["empty file: no header row"]


def test_loads_matches_json_loads():
    import json

    import pytest

    for text in ['{"a": [1, 2.5, null, true]}', '  {"a": 1}', '{"a": 1}\r\n', '"x"', "[]"]:
        assert inputs.loads(text) == json.loads(text)
    for bad in ['{"a": 1} x', "", "{", '{"a": 1,}', "nope"]:
        with pytest.raises(json.JSONDecodeError) as ours:
            inputs.loads(bad)
        with pytest.raises(json.JSONDecodeError) as theirs:
            json.loads(bad)
        assert (ours.value.msg, ours.value.pos) == (theirs.value.msg, theirs.value.pos)
