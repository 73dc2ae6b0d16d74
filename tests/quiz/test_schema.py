"""The JSON Schema: generated from the field table, committed copies current, quizzes valid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from courseforge.cli import main
from courseforge.quiz.load import quiz_files
from courseforge.quiz.schema import quiz_schema, schema_text
from courseforge.quiz.spec import QUESTION, TYPE_FIELDS
from courseforge.schema import schema_path

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[2]


def validator():
    schema = quiz_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_committed_copies_equal_the_generated_schema():
    assert (ROOT / "schema" / "quiz-v1.schema.json").read_text(encoding="utf-8") == schema_text()
    assert schema_path().read_text(encoding="utf-8") == schema_text()


def test_every_shipped_quiz_validates_and_names_the_schema():
    files = quiz_files(ROOT / "quizzes")
    assert files
    v = validator()
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/quiz-v1.schema.json", path
        errors = [e.message for e in v.iter_errors(yaml.safe_load(text))]
        assert errors == [], f"{path.name}: {errors}"


def test_schema_follows_the_field_table():
    s = quiz_schema()
    q = s["$defs"]["question"]
    assert q["required"] == [f.name for f in QUESTION if f.required]
    for rule in q["allOf"]:
        qtype = rule["if"]["properties"]["type"]["const"]
        assert list(rule["then"]["properties"]) == [f.name for f in QUESTION + TYPE_FIELDS[qtype]]
    assert [r["if"]["properties"]["type"]["const"] for r in q["allOf"]] == list(TYPE_FIELDS)


@pytest.mark.parametrize("change,path,message", [
    (lambda d: d["questions"][0].update(explaination="x"), ["questions", 0],
     "Additional properties are not allowed ('explaination' was unexpected)"),
    (lambda d: d.update(mode="practise"), ["mode"], "'practise' is not one of ['practice', 'assessment']"),
    (lambda d: d["questions"][0].update(points=0), ["questions", 0, "points"],
     "0 is less than or equal to the minimum of 0"),
    (lambda d: d["questions"][0]["options"].clear(), ["questions", 0, "options"], "[] is too short"),
    (lambda d: d["questions"][0].update(answer=True), ["questions", 0],
     "Additional properties are not allowed ('answer' was unexpected)"),
])
def test_schema_rejects_what_the_loader_rejects(change, path, message):
    data = {"id": "q", "module": "m", "title": "T", "mode": "practice", "pass_mark": 50, "questions": [
        {"id": "q1", "type": "single", "prompt": "P", "explanation": "E", "source": {"doc": "d", "para": 18},
         "options": [{"id": "a", "text": "A", "correct": True}, {"id": "b", "text": "B", "correct": False}]}]}
    v = validator()
    assert list(v.iter_errors(data)) == []
    change(data)
    errors = [(list(e.absolute_path), e.message) for e in v.iter_errors(data)]
    assert (path, message) in errors


def test_schema_command_writes_atomically_and_checks(tmp_path, capsys):
    (tmp_path / "course.yml").write_text("id: c\ntitle: C\n")
    assert main(["schema", "--course", str(tmp_path), "--check"]) == 1
    assert "schema/quiz-v1.schema.json: missing; run 'courseforge schema' to write it" in capsys.readouterr().out
    assert main(["schema", "--course", str(tmp_path)]) == 0
    written = tmp_path / "schema" / "quiz-v1.schema.json"
    assert written.read_text(encoding="utf-8") == schema_text()
    assert json.loads(written.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")
    assert sorted(p.name for p in written.parent.iterdir()) == ["quiz-v1.schema.json"]  # no temp file left
    assert main(["schema", "--course", str(tmp_path), "--check"]) == 0
