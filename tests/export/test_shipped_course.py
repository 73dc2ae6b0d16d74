"""The course shipped in this repository, exported to every format and read back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from courseforge.cli import main
from courseforge.quiz.load import load_quizzes

from .test_gift import assert_gift_round_trip
from .test_moodle_xml import assert_moodle_round_trip
from .test_qti import assert_qti_round_trip

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped():
    quizzes, diags = load_quizzes(REPO / "quizzes", REPO)
    errors = [str(d) for d in diags if d.severity == "error"]
    assert errors == [], "the shipped quizzes must load"
    if not quizzes:
        pytest.skip("the repository ships no quizzes yet")
    return quizzes


def test_shipped_course_round_trips_through_gift(shipped):
    back = assert_gift_round_trip(shipped)
    assert sum(len(z.questions) for z in back) >= len(shipped)


def test_shipped_course_round_trips_through_moodle_xml(shipped):
    assert_moodle_round_trip(shipped)


def test_shipped_course_round_trips_through_qti(shipped):
    assert_qti_round_trip(shipped)


def test_export_command_on_the_shipped_course(shipped, tmp_path, capsys):
    total = sum(len(z.questions) for z in shipped)
    for fmt, name in (("gift", "c.txt"), ("moodle-xml", "c.xml"), ("qti", "c.zip")):
        out = tmp_path / name
        assert main(["export", "--course", str(REPO), "--format", fmt, "--out", str(out)]) == 0
        lines = capsys.readouterr().out.splitlines()
        first = lines[0]
        assert first.startswith(f"Wrote {out.as_posix()}: ")
        # one line per kind of loss, not one per question (GIFT printed 95 lines, mostly "no hints")
        assert sum("hints" in line for line in lines) <= 1, lines
        assert len(lines) <= 12, lines
        assert f" of {total} questions from {len(shipped)} quizzes, for " in first
    assert len(ET.fromstring((tmp_path / "c.xml").read_bytes()).findall("question[@type='category']")) == len(
        {z.module for z in shipped})
    items = [n for n in zipfile.ZipFile(tmp_path / "c.zip").namelist() if n.startswith("items/")]
    assert len(items) == total
