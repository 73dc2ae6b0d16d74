"""CSV neutralisation, number formatting, atomic outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from courseforge.grade.outputs import AtomicFile, csv_safe, fmt_num


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+33 1", "'+33 1"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("Ana", "Ana"), ("a=b", "a=b"), ("", ""), (7, 7),
])
def test_csv_safe(value, expected):
    assert csv_safe(value) == expected


@pytest.mark.parametrize("value, text", [(2, "2"), (2.0, "2"), (2.5, "2.5"), (1 / 3, "0.3333"), (0.1 + 0.2, "0.3")])
def test_fmt_num(value, text):
    assert fmt_num(value) == text


def test_atomic_file_leaves_nothing_until_commit(tmp_path: Path):
    target = tmp_path / "gradebook.csv"
    target.write_text("old", encoding="utf-8")
    f = AtomicFile(target)
    f.write("new")
    assert target.read_text(encoding="utf-8") == "old"  # a crash here keeps the old file
    f.commit()
    assert target.read_text(encoding="utf-8") == "new"
    g = AtomicFile(target)
    g.write("half")
    g.discard()
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["gradebook.csv"]


def test_lone_surrogate_does_not_crash_and_stays_valid_json(tmp_path: Path):
    f = AtomicFile(tmp_path / "x.json")
    f.write(json.dumps({"name": "a\ud800b"}, ensure_ascii=False))
    f.commit()
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8")) == {"name": "a\ud800b"}


def test_outputs_get_the_mode_of_any_saved_file(tmp_path: Path):
    # not the private 0600 of a temporary file: a colleague the trainer shares the folder with can read them
    old = os.umask(0o022)
    try:
        f = AtomicFile(tmp_path / "gradebook.csv", newline="", bom=True)
        f.write("learner_id\n")
        f.commit()
        assert (tmp_path / "gradebook.csv").stat().st_mode & 0o777 == 0o644
        assert (tmp_path / "gradebook.csv").read_bytes() == b"\xef\xbb\xbflearner_id\n"  # the BOM, once
    finally:
        os.umask(old)
