"""Field kinds: each one's reading, its messages and its JSON Schema agree."""

from __future__ import annotations

import math

import pytest
import yaml

from courseforge.quiz.fields import (
    BAD,
    BOOL,
    ID,
    NONNEG,
    NUMBER,
    PARA,
    PERCENT,
    POINTS,
    TEXT,
    Enum,
    answers,
)
from courseforge.quiz.yamlsafe import compose_text

jsonschema = pytest.importorskip("jsonschema")

# (kind, YAML value, what the loader keeps or BAD)
CASES = [
    (ID, "q1", "q1"), (ID, "7", "7"), (ID, "opt-a.2", "opt-a.2"), (ID, "two words", BAD), (ID, "-a", BAD),
    (ID, "x" * 81, BAD), (ID, "true", BAD), (ID, "~", BAD),
    (TEXT, "Some text", "Some text"), (TEXT, "'  '", BAD), (TEXT, "~", BAD), (TEXT, "12", "12"),
    (PARA, "18", "18"), (PARA, "annex-6", "annex-6"), (PARA, "1.5", BAD), (PARA, "~", BAD),
    (BOOL, "true", True), (BOOL, "false", False), (BOOL, "'yes'", BAD), (BOOL, "1", BAD),
    (NUMBER, "-2.5", -2.5), (NUMBER, "3", 3), (NUMBER, "'3'", BAD), (NUMBER, ".nan", BAD), (NUMBER, ".inf", BAD),
    (NUMBER, "true", BAD),
    (POINTS, "2", 2), (POINTS, "0.5", 0.5), (POINTS, "0", BAD), (POINTS, "-1", BAD),
    (PERCENT, "0", 0), (PERCENT, "100", 100), (PERCENT, "100.5", BAD), (PERCENT, "-1", BAD),
    (NONNEG, "0", 0), (NONNEG, "0.1", 0.1), (NONNEG, "-0.1", BAD),
    (Enum(("practice", "assessment")), "practice", "practice"), (Enum(("practice", "assessment")), "Practice", BAD),
]


def node(text: str):
    root, diags = compose_text(f"v: {text}\n", "t.yml")
    assert not diags
    return root.value[0][1]


@pytest.mark.parametrize("kind, text, expected", CASES)
def test_a_kind_accepts_what_its_schema_accepts(kind, text, expected):
    value = kind.accept(node(text))
    assert value == expected if expected is not BAD else value is BAD
    # the schema says the same of the value as YAML reads it
    data = yaml.safe_load(f"v: {text}\n")["v"]
    valid = jsonschema.Draft202012Validator(kind.schema()).is_valid(data)
    if isinstance(data, float) and not math.isfinite(data):
        return  # not a JSON value: editors never see one
    if kind is not TEXT or text != "12":  # a number where text is asked is refused by the schema, kept by the loader
        assert valid == (expected is not BAD), (text, data)


@pytest.mark.parametrize("kind, text, expected", [c for c in CASES if c[2] is BAD])
def test_a_refused_value_gets_a_message_that_names_the_field_and_what_to_write(kind, text, expected):
    message = kind.problem(node(text), "'x' of question 'q1'")
    assert message.startswith("'x' of question 'q1'")
    assert any(w in message for w in ("write", "must be", "use", "cannot"))


def test_range_messages_say_the_range():
    assert "more than 0" in POINTS.problem(node("0"), "'points'")
    assert "from 0 to 100" in PERCENT.problem(node("120"), "'pass_mark'")
    assert "cannot be negative" in NONNEG.problem(node("-1"), "'tolerance'")
    assert "did you mean 'practice'" in Enum(("practice", "assessment")).problem(node("practise"), "'mode'")


def test_answers_keep_numbers_as_text():
    kind = answers(min_items=1)
    assert kind.build([80, "eighty"], None) == ["80", "eighty"]
    assert kind.schema()["minItems"] == 1
