"""Property: whatever the submission files hold, every record is graded or listed in errors.csv.

Files are JSON (one submission or an array), JSON Lines and CSV, made of real submissions, submissions
with a field swapped for an arbitrary JSON value (integers of any length included: 10**5000 is past
Python's 4,300-digit limit), arbitrary JSON values and arbitrary text or bytes. The command must exit
with a documented status (0 or 1 here), never with a traceback, and account for each record once.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courseforge.cli import main
from courseforge.quiz.dump import dump_quiz

from .conftest import PERFECT, make_quiz, submission

QUIZ = make_quiz()
BIG = "\x00big:"  # stands for an integer too long to print; put in after json.dumps

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
line_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40)
huge = st.builds(lambda sign, digits: f"{BIG}{sign}{digits}", st.sampled_from(["", "-"]), st.integers(4290, 6000))
scalars = (st.none() | st.booleans() | st.integers() | huge | st.floats() | text)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(text | st.sampled_from(sorted(PERFECT)), inner, max_size=4), max_leaves=12)
learner = st.sampled_from(["L1", "L2", "guest", ""]) | text


def _dumps(value) -> str:
    """JSON text with each BIG stand-in replaced by the digits of a huge integer."""
    return re.sub(r'"\\u0000big:(-?)(\d+)"', lambda m: m.group(1) + "9" * int(m.group(2)), json.dumps(value))


@st.composite
def records(draw):
    """A submission, one with a field or answer swapped for an arbitrary value, or any JSON value."""
    kind = draw(st.sampled_from(["good", "field", "answer", "value"]))
    if kind == "value":
        return draw(values)
    sub = submission(QUIZ, draw(learner), draw(text), at=draw(st.sampled_from(["2025-03-01T10:00:00Z",
                                                                              "2025-03-02T10:00:00Z"])))
    if kind == "field":
        sub[draw(st.sampled_from(sorted(sub) + ["extra"]))] = draw(values)
    elif kind == "answer":
        sub["answers"][draw(st.sampled_from(sorted(PERFECT) + ["q9"]))] = draw(values)
    return sub


@st.composite
def record_text(draw) -> str:
    """A record as JSON text; now and then an object with one of its keys written twice."""
    record = draw(records())
    text = _dumps(record)
    if record.__class__ is dict and record and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(record)))
        text = "{" + json.dumps(key) + ": " + _dumps(draw(values)) + ", " + text[1:]
    return text


@st.composite
def json_file(draw) -> tuple[bytes, list]:
    """A .json file and the places of its records ("" for a file read as one record)."""
    form = draw(st.sampled_from(["one", "array", "text"]))
    if form == "text":
        return draw(text).encode("utf-8"), [""]
    if form == "one":
        return draw(record_text().filter(lambda t: not t.startswith("["))).encode("utf-8"), [""]
    items = draw(st.lists(record_text(), max_size=5))
    places = [f"record {n}" for n in range(1, len(items) + 1)] or [""]  # [] is an error of the file
    return ("[" + ",\n".join(items) + "]").encode("utf-8"), places


@st.composite
def jsonl_file(draw) -> tuple[bytes, list]:
    lines = draw(st.lists(record_text().map(str.encode) | line_text.map(str.encode)
                          | st.binary(max_size=20).map(lambda b: b.replace(b"\n", b"")), max_size=6))
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    places = [n for n, line in enumerate(lines, 1) if not _blank(line)]
    return b"".join(line + end for line in lines), places or [""]


def _blank(line: bytes) -> bool:
    """A line that is no record: white space (and byte order marks) only."""
    try:
        return not line.decode("utf-8").strip(" \t\r\n\ufeff")
    except UnicodeDecodeError:
        return False


CSV_HEADER = ["learner_id", "learner_name", "quiz", "submitted_at", *sorted(PERFECT)]


def _csv_cell(answer) -> str:
    if isinstance(answer, bool):
        return "true" if answer else "false"
    if isinstance(answer, list):
        return "|".join(answer)
    if isinstance(answer, dict):
        return "|".join(f"{k}={v}" for k, v in answer.items())
    return str(answer)


GOOD_ROW = ["L1", "Ana", QUIZ.id, "2025-03-01T10:00:00Z", *(_csv_cell(PERFECT[q]) for q in sorted(PERFECT))]
cell = text | st.sampled_from(["", "a", "quiz-1", "2_81", "9" * 5000, "a|b", "p1=p1"])


@st.composite
def csv_file(draw) -> tuple[bytes, list]:
    """Rows written by the csv module (so each starts where it says); a row of blank cells is no record."""
    header = draw(st.just(CSV_HEADER) | st.lists(cell, max_size=5).map(lambda extra: CSV_HEADER + extra))
    rows = draw(st.lists(st.lists(cell, max_size=len(header) + 2)
                         | st.lists(cell, min_size=len(GOOD_ROW), max_size=len(GOOD_ROW)).map(
                             lambda r: [g if i % 3 else c for i, (g, c) in enumerate(zip(GOOD_ROW, r))])
                         | st.just(GOOD_ROW), max_size=5))
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    places = []
    for row in rows:
        start = out.getvalue().count("\n") + 1
        w.writerow(row)
        if any(c.strip() for c in row):
            places.append(start)
    return out.getvalue().encode("utf-8"), places or [""]


bom = st.sampled_from([b"", b"\xef\xbb\xbf"])  # as Windows tools save UTF-8
files = st.lists(st.one_of(*(st.tuples(st.just(fmt), make(), bom).map(lambda f: (f[0], f[2] + f[1][0], f[1][1]))
                             for fmt, make in (("json", json_file), ("jsonl", jsonl_file), ("csv", csv_file)))),
                 min_size=1, max_size=4)


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def quizzes(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("quizzes")
    (d / "quiz-1.yml").write_text(dump_quiz(QUIZ), encoding="utf-8")
    return d


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(batch=files)
def test_every_record_is_graded_or_listed_and_nothing_raises(quizzes: Path, batch):
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        (top / "in").mkdir()
        expected = {}
        for i, (fmt, data, places) in enumerate(batch):
            name = f"in/f{i}.{fmt}"
            (top / name).write_bytes(data)
            expected[name] = places
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status = main(["grade", str(top / "in"), "--quizzes", str(quizzes), "--out", str(top / "out"),
                           "--course", str(top), "--no-progress"])
        assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()
        errors = _read_csv(top / "out" / "errors.csv")
        assert status == (1 if errors else 0), err.getvalue()

        prefix = str(top) + "/"
        results = json.loads((top / "out" / "results.json").read_text(encoding="utf-8"))
        graded = [(a["file"].removeprefix(prefix), a["line"] or "") for a in results["attempts"]]
        listed = [(e["file"].removeprefix(prefix), e["line"]) for e in errors]
        # the file could not be read as records: any file with no line, a .json file of one record that is
        # not valid JSON (its line named; an array's records are each accounted), a CSV file whose header
        # row (line 1) is wrong
        whole = {f for f, line in listed if line in ("", "0") or line == "1" and f.endswith(".csv")
                 or line.isdigit() and f.endswith(".json") and expected[f] == [""]}
        for name, places in expected.items():
            if name in whole:  # then that one error stands for the file: nothing else of it is graded or listed
                assert [f for f, _ in graded + listed].count(name) == 1, (name, errors)
                continue
            for place in places:
                seen = graded.count((name, place)) + listed.count((name, str(place)))
                assert seen == 1, f"{name} at {place!r}: graded or listed {seen} times\n{errors}"
        for name, place in graded:  # nothing graded that is not a record
            assert place in expected[name], (name, place)
        for (name, line), e in zip(listed, errors):  # nor listed, but for the lines an unclosed quote swallowed
            assert name in whole or (int(line) if line.isdigit() else line) in expected[name] \
                or e["reason"].startswith("not read: inside the quote left open"), e

        book = _read_csv(top / "out" / "gradebook.csv")
        chosen = {(g["quiz"], g["learner_id"]) for g in results["graded"]}
        assert len(book) == len(chosen) == len(results["graded"])
        assert chosen == {(a["quiz"], a["learner_id"]) for a in results["attempts"] if not a.get("duplicate")}

