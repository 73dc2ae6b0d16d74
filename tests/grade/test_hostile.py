"""The grader under hostile input and faults: every record graded or listed, nothing hangs."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import threading
from pathlib import Path

import pytest

from courseforge.cli import main
from courseforge.grade import inputs, outputs
from courseforge.grade.engine import grade
from courseforge.quiz.dump import dump_quiz

from .conftest import make_quiz, submission, write_json

OUTPUTS = ("gradebook.csv", "results.json", "errors.csv", "warnings.csv", "report.html")


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def errors_of(out: Path) -> list[tuple[str, str, str]]:
    """(file, line, reason) of each error, files relative to the folder above ``out``."""
    top = str(out.parent) + "/"
    return [(e["file"].removeprefix(top), e["line"], e["reason"]) for e in read_csv(out / "errors.csv")]


def warnings_of(out: Path) -> list[tuple[str, str, str]]:
    return [(e["file"], e["line"], e["reason"]) for e in read_csv(out / "warnings.csv")]


def learners(out: Path) -> list[str]:
    return [r["learner_id"] for r in read_csv(out / "gradebook.csv")]


def quizzes_dir(tmp_path: Path, quiz=None) -> Path:
    d = tmp_path / "quizzes"
    d.mkdir(exist_ok=True)
    (d / "quiz-1.yml").write_text(dump_quiz(quiz or make_quiz()), encoding="utf-8")
    return d


def run_cli(tmp_path: Path, *args: str) -> int:
    return main(["grade", *args, "--quizzes", str(quizzes_dir(tmp_path)), "--course", str(tmp_path)])


def in_thread(fn, seconds: float = 20.0):
    """Run ``fn`` and fail (instead of hanging the suite) when it does not return in time."""
    result: dict = {}

    def target():
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            result["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the run hangs"
    if "error" in result:
        raise result["error"]
    return result["value"]


# 1. integers longer than Python reads

def test_an_integer_of_5000_digits_costs_only_its_record(tmp_path: Path):
    quiz = make_quiz()
    d = tmp_path / "in"
    good = json.dumps(submission(quiz, "L1"))
    huge = json.dumps(submission(quiz, "L2", answers={"q5": 0})).replace('"q5": 0', '"q5": ' + "9" * 5000)
    (d / "batch.jsonl").parent.mkdir(parents=True)
    (d / "batch.jsonl").write_text(good + "\n" + huge + "\n", encoding="utf-8")
    (d / "one.json").write_text('{\n"learner": ' + "1" * 4301 + "}", encoding="utf-8")
    write_json(d / "two.json", submission(quiz, "L3"))
    grade([d], [quiz], tmp_path / "out", root=tmp_path, progress=False)
    assert learners(tmp_path / "out") == ["L1", "L3"]
    reason = "a number has more than 4,300 digits; no answer or id is that long (the file may be damaged)"
    assert errors_of(tmp_path / "out") == [("in/batch.jsonl", "2", reason), ("in/one.json", "2", reason)]


def test_an_integer_of_5000_digits_in_a_json_array_costs_only_its_record(tmp_path: Path):
    quiz = make_quiz()
    d = tmp_path / "in"
    d.mkdir()
    good = json.dumps(submission(quiz, "L1"))
    huge = json.dumps(submission(quiz, "L2", answers={"q5": 0})).replace('"q5": 0', '"q5": -' + "9" * 5000)
    (d / "array.json").write_text(f"[{good},\n{huge},\n{good.replace('L1', 'L3')}]", encoding="utf-8")
    twice = good.replace('"q1": "a"', '"q1": "b", "q1": "a"').replace("L1", "L5")
    (d / "broken.json").write_text(f"[{huge}, {good.replace('L1', 'L4')}", encoding="utf-8")  # never closed
    (d / "lines.jsonl").write_text(f"[{good}, {huge}]\n[{good}, {twice}]\n", encoding="utf-8")
    grade([d], [quiz], tmp_path / "out", root=tmp_path, progress=False)
    assert learners(tmp_path / "out") == ["L1", "L3"]
    reason = "a number has more than 4,300 digits; no answer or id is that long (the file may be damaged)"
    errors = errors_of(tmp_path / "out")
    assert errors[0] == ("in/array.json", "record 2", reason)
    assert errors[1][:2] == ("in/broken.json", "1") and errors[1][2].startswith("not valid JSON")
    assert errors[2:] == [("in/lines.jsonl", "1", reason), ("in/lines.jsonl", "2", "the key 'q1' appears twice "
                          "with different values, and which one counts is unclear; keep one (the file may be "
                          "edited by hand or merged)")]


# 2. named pipes

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_skipped_and_named(tmp_path: Path):
    d = tmp_path / "in"
    write_json(d / "a.json", submission(make_quiz(), "L1"))
    os.mkfifo(d / "pipe.json")
    os.mkfifo(d / "pipe.txt")
    in_thread(lambda: grade([d], [make_quiz()], tmp_path / "out", root=tmp_path, progress=False))
    assert learners(tmp_path / "out") == ["L1"]
    skipped = "skipped: a named pipe, not a file (only regular files are read)"
    assert warnings_of(tmp_path / "out") == [("in/pipe.json", "", skipped), ("in/pipe.txt", "", skipped)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_given_as_an_argument_is_named_not_missing(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    in_thread(lambda: grade([tmp_path / "pipe.jsonl"], [make_quiz()], tmp_path / "out", root=tmp_path,
                            progress=False))
    assert errors_of(tmp_path / "out") == [
        ("pipe.jsonl", "", "a named pipe, not a file: only regular files are read")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_put_in_place_of_a_file_after_listing_is_refused_at_once(tmp_path: Path):
    os.mkfifo(tmp_path / "late.json")
    files = [(str(tmp_path / "late.json"), "json", "late.json")]
    records = in_thread(lambda: list(inputs.read_records(files)))
    assert [r[:4] for r in records] == [
        ("error", "late.json", 0, "cannot be read: a named pipe, not a file: only regular files are read")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_links_are_named_by_what_they_point_at(tmp_path: Path):
    d = tmp_path / "in"
    write_json(tmp_path / "elsewhere" / "a.json", submission(make_quiz(), "L1"))
    os.mkfifo(tmp_path / "elsewhere" / "pipe")
    d.mkdir()
    (d / "file.json").symlink_to(tmp_path / "elsewhere" / "a.json")
    (d / "folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (d / "gone.json").symlink_to(tmp_path / "nowhere.json")
    (d / "pipe.jsonl").symlink_to(tmp_path / "elsewhere" / "pipe")
    in_thread(lambda: grade([d], [make_quiz()], tmp_path / "out", root=tmp_path, progress=False))
    assert learners(tmp_path / "out") == ["L1"]
    assert warnings_of(tmp_path / "out") == [
        ("in/folder", "", "skipped: a link to a folder (links to folders are not followed)"),
        ("in/gone.json", "", "skipped: a broken link"),
        ("in/pipe.jsonl", "", "skipped: a link to a named pipe, not a file (only regular files are read)")]


# 3. unreadable folders

def test_an_unreadable_subfolder_is_an_error_and_the_exit_is_non_zero(tmp_path: Path, monkeypatch, capsys):
    d = tmp_path / "in"
    write_json(d / "a.json", submission(make_quiz(), "L1"))
    write_json(d / "locked" / "b.json", submission(make_quiz(), "L2"))
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):  # as chmod 000 does for anyone but root
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    assert run_cli(tmp_path, str(d), "--out", str(out)) == 1
    assert learners(out) == ["L1"]
    assert errors_of(out) == [("in/locked", "", "folder cannot be read: Permission denied; the submissions in it "
                               "were not graded")]
    assert "1 rejected" in capsys.readouterr().out


def test_files_that_cannot_be_opened_or_fail_mid_read_are_errors(tmp_path: Path, monkeypatch, capsys):
    quiz = make_quiz()
    d = tmp_path / "in"
    line = json.dumps(submission(quiz, "L1"))
    for name in ("locked.json", "locked.jsonl", "locked.csv"):
        write_json(d / name, submission(quiz, "L9"))
    (d / "cut.jsonl").write_text(line + "\n" + line.replace("L1", "L2") + "\n", encoding="utf-8")
    (d / "cut.csv").write_text("learner_id,quiz,q1\nL3,quiz-1,a\nL4,quiz-1,a\n", encoding="utf-8")
    real_open, real_fdopen = os.open, inputs.os.fdopen
    opened: dict[int, str] = {}

    def os_open(path, flags, *args):
        if os.fspath(path).endswith(("locked.json", "locked.jsonl", "locked.csv")):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        fd = real_open(path, flags, *args)
        opened[fd] = os.fspath(path)
        return fd

    class Failing:  # the share goes away after the first line and a half
        def __init__(self, fh, keep):
            self.fh, self.keep = fh, keep

        def read(self, n):
            if self.keep is None:
                raise OSError(errno.EIO, "Input/output error")
            b, self.keep = self.fh.read(self.keep), None
            return b

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    def fdopen(fd, mode="r", *args, **kw):
        fh = real_fdopen(fd, mode, *args, **kw)
        path = opened.get(fd, "")
        return Failing(fh, len(line) + 10 if path.endswith("cut.jsonl") else 31) if "cut." in path else fh

    monkeypatch.setattr(inputs.os, "open", os_open)
    monkeypatch.setattr(inputs.os, "fdopen", fdopen)
    out = tmp_path / "out"
    assert run_cli(tmp_path, str(d), "--out", str(out)) == 1
    assert learners(out) == ["L1", "L3"]
    lost = "cannot be read from this line on: Input/output error; the rest of the file was not graded"
    assert errors_of(out) == [
        ("in/cut.csv", "3", lost), ("in/cut.jsonl", "2", lost),
        ("in/locked.csv", "", "cannot be read: Permission denied"),
        ("in/locked.json", "", "cannot be read: Permission denied"),
        ("in/locked.jsonl", "", "cannot be read: Permission denied")]
    assert "Traceback" not in capsys.readouterr().err


def test_a_failure_in_the_reader_thread_stops_the_run_instead_of_ending_the_file_list(tmp_path: Path, monkeypatch):
    for i in range(3):
        write_json(tmp_path / "in" / f"{i}.json", submission(make_quiz(), f"L{i}"))
    real, calls = inputs.read_bytes, {"n": 0}

    def read_bytes(path, limit):
        calls["n"] += 1
        if calls["n"] == 2:
            raise MemoryError  # anything but the OSError a bad file gives
        return real(path, limit)

    monkeypatch.setattr(inputs, "read_bytes", read_bytes)
    with pytest.raises(MemoryError):  # before: "graded 1 submission; none rejected", exit 0
        grade([tmp_path / "in"], [make_quiz()], tmp_path / "out", root=tmp_path, progress=False)
    assert not (tmp_path / "out" / "gradebook.csv").exists()


# 4. --out and the inputs

def test_out_equal_to_an_input_folder_is_refused(tmp_path: Path, capsys):
    d = tmp_path / "in"
    write_json(d / "a.json", submission(make_quiz(), "L1"))
    assert run_cli(tmp_path, str(d), "--out", str(d)) == 2
    assert "the outputs would be written among the submissions" in capsys.readouterr().err
    assert sorted(p.name for p in d.iterdir()) == ["a.json"]


def test_outputs_of_an_earlier_run_inside_the_inputs_are_never_read(tmp_path: Path):
    d = tmp_path / "in"
    write_json(d / "a.json", submission(make_quiz(), "L1"))
    grade([d], [make_quiz()], d / "results", root=tmp_path, progress=False)  # out inside the input: left out
    assert learners(d / "results") == ["L1"]
    grade([d], [make_quiz()], tmp_path / "out2", root=tmp_path, progress=False)  # next run, elsewhere
    assert learners(tmp_path / "out2") == ["L1"]
    assert errors_of(tmp_path / "out2") == []
    assert warnings_of(tmp_path / "out2") == [("in/results", "", "skipped: this folder holds the outputs of an "
                                               "earlier courseforge grade run, not submissions")]


def test_a_gradebook_given_as_input_is_not_read_as_submissions(tmp_path: Path):
    write_json(tmp_path / "in" / "a.json", submission(make_quiz(), "L1"))
    grade([tmp_path / "in"], [make_quiz()], tmp_path / "out", root=tmp_path, progress=False)
    grade([tmp_path / "out" / "gradebook.csv"], [make_quiz()], tmp_path / "again", root=tmp_path, progress=False)
    assert learners(tmp_path / "again") == []
    assert errors_of(tmp_path / "again") == []
    assert warnings_of(tmp_path / "again") == [
        ("out/gradebook.csv", "1", "skipped: this is a file courseforge grade wrote, not submissions")]


# 5. the outputs as one set

def _two_runs(tmp_path: Path) -> tuple[Path, Path]:
    quiz = make_quiz()
    d = tmp_path / "in"
    write_json(d / "a.json", submission(quiz, "L1"))
    out = tmp_path / "out"
    grade([d], [quiz], out, root=tmp_path, progress=False)
    write_json(d / "b.json", submission(quiz, "L2", answers={"q1": "b"}))  # every output changes
    (d / "c.json").write_text("{", encoding="utf-8")
    write_json(d / "d.json", submission(quiz, "L3", quiz_version="old"))
    return d, out


def _shown(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS if (out / n).exists()}


def test_a_failure_at_any_step_of_showing_the_outputs_leaves_all_old_or_all_new(tmp_path: Path, monkeypatch):
    d, out = _two_runs(tmp_path)
    old = _shown(out)
    grade([d], [make_quiz()], tmp_path / "ref", root=tmp_path, progress=False)
    new = {n: b.replace(b"ref", b"out") for n, b in _shown(tmp_path / "ref").items()}
    for n in OUTPUTS:
        if n != "report.html":
            assert new[n] != old[n]
    real = os.replace
    for fail_at in range(1, 12):
        calls = {"n": 0}

        def replace(src, dst, _at=fail_at):
            calls["n"] += 1
            if calls["n"] == _at:
                raise OSError(errno.EIO, "Input/output error", os.fspath(dst))  # a kill, a power cut
            return real(src, dst)

        monkeypatch.setattr(os, "replace", replace)
        try:
            grade([d], [make_quiz()], out, root=tmp_path, progress=False)
        except OSError:
            pass
        monkeypatch.setattr(os, "replace", real)
        shown = _shown(out)
        sides = {("old" if shown[n] == old[n] else "new" if n == "report.html" or shown[n] == new[n] else "?")
                 for n in OUTPUTS if n != "report.html"}
        assert len(sides) == 1 and "?" not in sides, f"a mixed set after a failure at step {fail_at}: {sides}"
        if sides == {"new"}:
            old = shown  # the next round starts from what is shown
            new = shown


def test_a_full_disk_leaves_no_temporary_files_and_the_old_outputs(tmp_path: Path, monkeypatch):
    d, out = _two_runs(tmp_path)
    before = _shown(out)

    class FullDisk(io.FileIO):
        def write(self, b):
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd, mode="r", encoding=None, newline=None, errors=None, **_):
        raw = FullDisk(fd, "w")
        return io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, newline=newline, errors=errors)

    monkeypatch.setattr(outputs.os, "fdopen", fdopen)
    with pytest.raises(OSError):
        grade([d], [make_quiz()], out, root=tmp_path, progress=False)
    monkeypatch.undo()
    assert _shown(out) == before
    leftovers = [p.name for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []
    runs = [p.name for p in (out / outputs.OUTPUT_MARK).iterdir() if p.name.startswith("run-")]
    assert len(runs) == 1  # the set shown, nothing else


def test_what_a_killed_run_left_is_cleaned_by_the_next(tmp_path: Path):
    d, out = _two_runs(tmp_path)
    mark = out / outputs.OUTPUT_MARK
    (mark / "run-killed").mkdir()
    (mark / "run-killed" / "results.json").write_bytes(b"x" * 1000)
    (out / ".gradebook.csv.abc123.tmp").write_bytes(b"x" * 1000)  # as older versions left them
    grade([d], [make_quiz()], out, root=tmp_path, progress=False)
    assert not (mark / "run-killed").exists() and not (out / ".gradebook.csv.abc123.tmp").exists()
    assert [p.name for p in mark.iterdir() if p.name.startswith("run-")] == [os.readlink(mark / "current")]


def test_two_runs_cannot_write_one_folder_at_once(tmp_path: Path, capsys):
    pytest.importorskip("fcntl")
    write_json(tmp_path / "in" / "a.json", submission(make_quiz(), "L1"))
    out = tmp_path / "out"
    busy = outputs.OutputSet(out, OUTPUTS)  # another run, still writing
    try:
        assert run_cli(tmp_path, str(tmp_path / "in"), "--out", str(out)) == 3
        assert "another courseforge grade is writing to this folder" in capsys.readouterr().err
    finally:
        busy.discard()


# 8. the smaller ones

def test_a_key_given_twice_with_different_values_is_rejected(tmp_path: Path):
    quiz = make_quiz()
    d = tmp_path / "in"
    d.mkdir()
    text = json.dumps(submission(quiz, "L1"))
    twice = text.replace('"q1": "a"', '"q1": "b", "q1": "a"')
    same = text.replace('"q1": "a"', '"q1": "a", "q1": "a"').replace('"L1"', '"L2"')
    learner_twice = text.replace('"id": "L1"', '"id": "L3", "id": "L4"')
    (d / "s.jsonl").write_text("\n".join([twice, same, learner_twice]) + "\n", encoding="utf-8")
    (d / "one.json").write_text(twice.replace('"L1"', '"L5"'), encoding="utf-8")
    (d / "array.json").write_text(f"[{text.replace('L1', 'L6')}, {twice.replace('L1', 'L7')}]", encoding="utf-8")
    grade([d], [quiz], tmp_path / "out", root=tmp_path, progress=False)
    assert learners(tmp_path / "out") == ["L2", "L6"]
    why = "appears twice with different values, and which one counts is unclear; keep one (the file may be edited " \
          "by hand or merged)"
    assert errors_of(tmp_path / "out") == [
        ("in/array.json", "record 2", f"the key 'q1' {why}"), ("in/one.json", "", f"the key 'q1' {why}"),
        ("in/s.jsonl", "1", f"the key 'q1' {why}"), ("in/s.jsonl", "3", f"the key 'id' {why}")]


def test_repeated_keys_are_found_however_the_json_is_written(tmp_path: Path):
    sub = submission(make_quiz(), "L1", name='Ana "A:na" \u00e9')
    for text in (json.dumps(sub), json.dumps(sub, indent=2), json.dumps(sub, ensure_ascii=False),
                 json.dumps(sub, separators=(",", ":"))):
        assert inputs.repeated_keys(text, json.loads(text)) is None
        bad = text.replace('"q3"', '"q1"', 1)
        assert inputs.repeated_keys(bad, json.loads(bad)) == ["q1"]


def test_a_blank_jsonl_is_an_error(tmp_path: Path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "in" / "blank.jsonl").write_text("\n  \n\n", encoding="utf-8")
    (tmp_path / "in" / "header.csv").write_text("learner_id,quiz,q1\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli(tmp_path, str(tmp_path / "in"), "--out", str(out)) == 1
    assert errors_of(out) == [
        ("in/blank.jsonl", "", "no submissions: the file is empty or holds only blank lines"),
        ("in/empty.jsonl", "", "no submissions: the file is empty or holds only blank lines"),
        ("in/header.csv", "", "no submissions: the file has a header row and nothing else")]


def _csv(tmp_path: Path, text: str) -> Path:
    out = tmp_path / "out"
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "f.csv").write_text(text, encoding="utf-8")
    grade([tmp_path / "in"], [make_quiz()], out, root=tmp_path, progress=False)
    return out


def test_a_nul_in_a_csv_learner_id_is_rejected(tmp_path: Path):
    out = _csv(tmp_path, "learner_id,quiz,q1\nL\x001,quiz-1,a\nL2,quiz-1,a\n")
    assert learners(out) == ["L2"]
    assert errors_of(out) == [("in/f.csv", "2", "learner id 'L\x001' holds a control character (U+0000); fix it "
                               "where it was typed or exported")]


def test_a_control_character_in_a_json_learner_id_is_rejected(tmp_path: Path):
    write_json(tmp_path / "in" / "a.json", submission(make_quiz(), "L\u00001"))
    grade([tmp_path / "in"], [make_quiz()], tmp_path / "out", root=tmp_path, progress=False)
    assert learners(tmp_path / "out") == []
    assert len(errors_of(tmp_path / "out")) == 1


def test_trailing_empty_cells_beyond_the_header_are_fine(tmp_path: Path):
    out = _csv(tmp_path, "learner_id,quiz,q1\nL1,quiz-1,a,,\nL2,quiz-1,a,x\n")
    assert learners(out) == ["L1"]
    assert errors_of(out) == [("in/f.csv", "3", "row has 4 cells but the header has 3; a comma inside an answer "
                               "must be in quotes")]


def test_an_unclosed_quote_is_named_and_the_rows_it_swallowed_listed(tmp_path: Path):
    out = _csv(tmp_path, 'learner_id,learner_name,quiz,q1\nL1,"Ana,quiz-1,a\nL2,Bo,quiz-1,a\nL3,Cy,quiz-1,a\n')
    assert learners(out) == []
    assert errors_of(out) == [
        ("in/f.csv", "2", "a quote in this row is never closed, so lines 2–4 were read as one row; close the quote "
         "(or remove it)"),
        ("in/f.csv", "3", "not read: inside the quote left open on line 2"),
        ("in/f.csv", "4", "not read: inside the quote left open on line 2")]


def test_a_quoted_answer_on_two_lines_is_still_read(tmp_path: Path):
    out = _csv(tmp_path, 'learner_id,quiz,q4,q1\nL1,quiz-1,"New\nYork",a\n')
    assert learners(out) == ["L1"] and errors_of(out) == []


def test_underscores_in_a_number_are_not_a_number(tmp_path: Path):
    out = _csv(tmp_path, "learner_id,quiz,q5\nL1,quiz-1,2_81\nL2,quiz-1,281\n")
    assert learners(out) == ["L2"]
    assert errors_of(out) == [("in/f.csv", "2", "question q5: expected a number, got '2_81'")]


def test_a_submission_to_a_practice_quiz_is_graded_with_a_warning(tmp_path: Path):
    quiz = make_quiz()
    quiz.mode = "practice"
    write_json(tmp_path / "in" / "a.json", submission(quiz, "L1"))
    grade([tmp_path / "in"], [quiz], tmp_path / "out", root=tmp_path, progress=False)
    assert learners(tmp_path / "out") == ["L1"]
    assert warnings_of(tmp_path / "out") == [
        ("in/a.json", "", "quiz 'quiz-1' is a practice quiz (mode: practice): the site shows its answers to learners, "
         "so this mark may not be the learner's own; make it an assessment to grade it")]


def test_hidden_files_are_counted_and_said(tmp_path: Path, capsys):
    d = tmp_path / "in"
    write_json(d / "a.json", submission(make_quiz(), "L1"))
    write_json(d / ".hidden.json", submission(make_quiz(), "L2"))
    write_json(d / ".cache" / "b.json", submission(make_quiz(), "L3"))
    (d / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")  # counted, not named: never a submission
    assert run_cli(tmp_path, str(d), "--out", str(tmp_path / "out")) == 0
    assert learners(tmp_path / "out") == ["L1"]
    assert "note: 3 hidden file(s) or folder(s) (names starting with a dot) in the input folders were skipped; " \
        "those that could hold submissions are named in" in capsys.readouterr().err
    # each hidden file that could be a submission, and each hidden folder, is named (before: only a count)
    assert [(f.removeprefix(f"{tmp_path}/"), line, why) for f, line, why in warnings_of(tmp_path / "out")] == [
        ("in/.cache", "", "skipped: a hidden folder (its name starts with a dot); the files in it were not read"),
        ("in/.hidden.json", "", "skipped: a hidden file (its name starts with a dot); rename it without the dot to "
         "grade it")]


def test_exit_statuses_are_documented_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["grade", "--help"])
    text = capsys.readouterr().out
    for line in ("0  every submission was graded", "1  some submissions, files or folders could not be graded",
                 "2  nothing was graded: a usage error", "3  nothing was written: the outputs could not be written"):
        assert line in text


def test_each_outcome_has_its_own_exit_status(tmp_path: Path, monkeypatch, capsys):
    write_json(tmp_path / "in" / "a.json", submission(make_quiz(), "L1"))
    assert run_cli(tmp_path, str(tmp_path / "in"), "--out", str(tmp_path / "out")) == 0
    (tmp_path / "in" / "b.json").write_text("{", encoding="utf-8")
    assert run_cli(tmp_path, str(tmp_path / "in"), "--out", str(tmp_path / "out")) == 1
    with pytest.raises(SystemExit) as exc:  # a wrong option: argparse's usage error
        run_cli(tmp_path, str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--attempts", "worst")
    assert exc.value.code == 2
    capsys.readouterr()

    from courseforge.quiz import load

    def unreadable(folder, root=None):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder / "quiz-1.yml"))

    monkeypatch.setattr(load, "load_quizzes", unreadable)  # a quiz folder on a network drive that went away
    assert run_cli(tmp_path, str(tmp_path / "in"), "--out", str(tmp_path / "out2")) == 3  # not 1: not a rejection
    err = capsys.readouterr().err
    assert "quiz-1.yml" in err and "cannot be read: Permission denied; nothing was graded" in err
    assert "Traceback" not in err and not (tmp_path / "out2").exists()


def test_the_readme_documents_the_exit_statuses_of_the_help(capsys):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    grading = readme.split("### Grading", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| (\d) \| (.+?) \|$", grading, re.M))
    with pytest.raises(SystemExit):
        main(["grade", "--help"])
    help_rows = dict(re.findall(r"^  (\d)  (.+)$", capsys.readouterr().out, re.M))
    assert sorted(rows) == sorted(help_rows) == ["0", "1", "2", "3"]
    for status, first_line in help_rows.items():  # the README starts each meaning as the help does
        assert rows[status].startswith(first_line.split(" (")[0]), status
