"""The user's cache folder: what is taken back from it, and what only costs the work again."""

from __future__ import annotations

import os
import time

from courseforge import cache
from courseforge.cache import FileCache, user_cache_dir
from courseforge.quiz import load
from courseforge.quiz.load import clear_read_cache, read_quiz_file

QUIZ = """# yaml-language-server: $schema=../schema/quiz-v1.schema.json
id: q1
module: m1
title: A quiz
mode: practice
pass_mark: 70
questions:
  - id: a
    type: true_false
    prompt: The sky is green.
    answer: false
    explanation: It is blue.
    source: {doc: d1, para: p1}
"""


def test_where_the_cache_lives(monkeypatch, tmp_path):
    monkeypatch.setenv("COURSEFORGE_CACHE_DIR", str(tmp_path / "mine"))
    assert user_cache_dir("templates") == tmp_path / "mine" / "templates"
    monkeypatch.setenv("COURSEFORGE_CACHE_DIR", "")
    assert user_cache_dir("templates") is None  # set but empty: nothing on disk
    monkeypatch.delenv("COURSEFORGE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir("quizzes") == tmp_path / "xdg" / "courseforge" / "quizzes"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache_dir("quizzes") == tmp_path / "home" / ".cache" / "courseforge" / "quizzes"


def test_a_value_comes_back_only_for_the_same_bytes_and_code(tmp_path, monkeypatch):
    files = FileCache("x", tmp_path / "c")
    files.put("a.yml", b"one", {"n": 1})
    assert files.get("a.yml", b"one") == {"n": 1}
    assert files.get("a.yml", b"two") is None  # the file was edited
    assert files.get("b.yml", b"one") is None  # another file with the same bytes
    files.put("a.yml", b"two", {"n": 2})
    assert files.get("a.yml", b"two") == {"n": 2}
    assert files.get("a.yml", b"one") is None  # one entry per file: the newer replaced the older
    assert len(list((tmp_path / "c").iterdir())) == 1
    monkeypatch.setattr(cache, "_code_version", b"another courseforge")
    assert files.get("a.yml", b"two") is None  # worked out by other code: worked out again


def test_a_damaged_entry_or_an_unwritable_folder_is_only_a_miss(tmp_path):
    files = FileCache("x", tmp_path / "c")
    files.put("a.yml", b"one", [1, 2, 3])
    (entry,) = (tmp_path / "c").iterdir()
    entry.write_bytes(entry.read_bytes()[:30])  # cut short
    assert files.get("a.yml", b"one") is None
    entry.write_bytes(b"\0" * 20 + b"not a pickle")
    assert files.get("a.yml", b"one") is None
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way", encoding="utf-8")
    under_a_file = FileCache("x", blocked / "c")
    under_a_file.put("a.yml", b"one", 1)  # no error
    assert under_a_file.get("a.yml", b"one") is None
    assert FileCache("x", None).get("a.yml", b"one") is None


def test_entries_unused_for_weeks_go_and_those_in_use_stay(tmp_path):
    folder = tmp_path / "c"
    FileCache("x", folder).put("old.yml", b"1", 1)
    FileCache("x", folder).put("used.yml", b"2", 2)
    old, used = (folder / cache._entry("old.yml")), (folder / cache._entry("used.yml"))
    weeks_ago = time.time() - 70 * 86400
    os.utime(old, (weeks_ago, weeks_ago))
    os.utime(used, (weeks_ago, weeks_ago))
    assert FileCache("x", folder).get("used.yml", b"2") == 2  # taken: marked as in use
    FileCache("x", folder).put("new.yml", b"3", 3)  # a process's first write prunes
    assert not old.exists() and used.exists()


def test_a_quiz_file_read_before_is_taken_from_the_cache_as_it_was_read(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "READ_FILES", FileCache("quizzes", tmp_path / "cache"))
    path = tmp_path / "quizzes" / "q1.yml"
    path.parent.mkdir()
    path.write_text(QUIZ.replace("answer: false", "answer: nope"), encoding="utf-8")
    first = read_quiz_file(path, tmp_path)
    assert first.quiz is None and "answer" in first.diagnostics[0].message  # errors are kept too
    clear_read_cache()  # as a new process
    reads = []
    real = load._read_quiz_bytes
    monkeypatch.setattr(load, "_read_quiz_bytes", lambda *a: reads.append(a[0]) or real(*a))
    again = read_quiz_file(path, tmp_path)
    assert reads == [] and again.diagnostics == first.diagnostics and again.positions == first.positions
    path.write_text(QUIZ, encoding="utf-8")  # fixed: read again
    clear_read_cache()
    fixed = read_quiz_file(path, tmp_path)
    assert reads == ["quizzes/q1.yml"] and fixed.quiz is not None and fixed.diagnostics == []
    clear_read_cache()
    assert read_quiz_file(path, tmp_path).quiz == fixed.quiz and reads == ["quizzes/q1.yml"]
